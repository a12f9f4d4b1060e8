package org.caseflow.streams.runtime.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.caseflow.streams.topology.IndicatorExport;

/**
 * Indicators, their export and the digests: {@code caseflow.indicators.throttle.ms},
 * {@code caseflow.indicators.refresh.ms}, {@code caseflow.indicators.export.limit}, the
 * {@code caseflow.indicators.export.scopes}, {@code .windows} and {@code .max.series} keys ({@link IndicatorExport}),
 * {@code caseflow.digests.top} and {@code caseflow.digests.enabled}.
 */
public record IndicatorSettings(Duration throttle, Duration refresh, int exportLimit, IndicatorExport export, int digestTop,
        boolean digestsEnabled) {

    static IndicatorSettings parse(DefinedConfig c) {
        return new IndicatorSettings(c.millis(ConfigKeys.INDICATORS_THROTTLE_MS), c.millis(ConfigKeys.INDICATORS_REFRESH_MS),
                c.integer(ConfigKeys.INDICATORS_EXPORT_LIMIT),
                IndicatorExportSetting.parse(c.text(ConfigKeys.INDICATORS_EXPORT_SCOPES),
                        c.text(ConfigKeys.INDICATORS_EXPORT_WINDOWS),
                        c.integer(ConfigKeys.INDICATORS_EXPORT_MAX_SERIES), new ArrayList<>()),
                c.integer(ConfigKeys.DIGESTS_TOP), c.flag(ConfigKeys.DIGESTS_ENABLED));
    }

    void putSettings(Map<String, String> s) {
        s.put(ConfigKeys.INDICATORS_THROTTLE_MS, String.valueOf(throttle.toMillis()));
        s.put(ConfigKeys.INDICATORS_REFRESH_MS, String.valueOf(refresh.toMillis()));
        s.put(ConfigKeys.INDICATORS_EXPORT_LIMIT, String.valueOf(exportLimit));
        s.put(ConfigKeys.INDICATORS_EXPORT_SCOPES, IndicatorExportSetting.scopesText(export));
        s.put(ConfigKeys.INDICATORS_EXPORT_WINDOWS, IndicatorExportSetting.windowsText(export));
        s.put(ConfigKeys.INDICATORS_EXPORT_MAX_SERIES, String.valueOf(export.maxSeries()));
        s.put(ConfigKeys.DIGESTS_TOP, String.valueOf(digestTop));
        s.put(ConfigKeys.DIGESTS_ENABLED, String.valueOf(digestsEnabled));
    }
}
