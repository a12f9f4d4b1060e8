package org.caseflow.streams.domain.indicators;

/**
 * One computed indicator. {@code value} = numerator / denominator for ratios (null when the denominator is zero);
 * for counts numerator = value and denominator = null. {@code previousYearValue} is the same window a year earlier.
 */
public record IndicatorResult(String indicator, Window window, String period, Double value, Double numerator,
                              Double denominator, Double previousYearValue, Band band) {
}
