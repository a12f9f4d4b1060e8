package org.caseflow.streams.runtime.simulator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.caseflow.events.Procedure;

/**
 * Originating filings of one working day: for each court and procedure a Poisson count around the
 * court's mean (see {@link Rates}) times scale and weekday factor, each at a random working minute.
 */
final class DailyFilings {
    private final Map<String, Map<Procedure, Double>> means = new LinkedHashMap<>();
    private final double scale;

    DailyFilings(SimulatedCourts courts, double scale) {
        this.scale = scale;
        Map<Procedure, Double> intermediate = new LinkedHashMap<>();
        intermediate.put(Procedure.CIVIL_FIRST_ORDINARY, Rates.INTERMEDIATE_CIVIL_FIRST_PER_DAY);
        intermediate.put(Procedure.CRIMINAL_FIRST, Rates.INTERMEDIATE_CRIMINAL_FIRST_PER_DAY);
        intermediate.put(Procedure.ADMIN_FIRST, Rates.INTERMEDIATE_ADMIN_FIRST_PER_DAY);
        means.put(courts.intermediate(), intermediate);
        for (String court : courts.basic()) {
            double civil = civilVolume(court);
            double criminal = civil * Rates.BASIC_CRIMINAL_PER_CIVIL;
            Map<Procedure, Double> m = new LinkedHashMap<>();
            m.put(Procedure.CIVIL_FIRST_SUMMARY, civil * Rates.SHARE_SUMMARY);
            m.put(Procedure.CIVIL_FIRST_ORDINARY, civil * Rates.SHARE_ORDINARY);
            m.put(Procedure.CIVIL_SMALL_CLAIMS, civil * Rates.SHARE_SMALL_CLAIMS);
            m.put(Procedure.CRIMINAL_FIRST, criminal * Rates.CRIMINAL_SHARE_FIRST);
            m.put(Procedure.CRIMINAL_SUMMARY, criminal * Rates.CRIMINAL_SHARE_SUMMARY);
            m.put(Procedure.CRIMINAL_SPEEDY, criminal * Rates.CRIMINAL_SHARE_SPEEDY);
            m.put(Procedure.ADMIN_FIRST, Rates.BASIC_ADMIN_PER_DAY);
            means.put(court, m);
        }
    }

    /**
     * A court's civil first-instance filings per working day, fixed by its code (not the seed): the
     * same district is always the same size. String.hashCode is specified, so this is portable.
     */
    static double civilVolume(String court) {
        long h = court.hashCode() * 0x9E3779B97F4A7C15L;
        double u = ((h >>> 11) & ((1L << 53) - 1)) / (double) (1L << 53);
        return Rates.BASIC_CIVIL_FIRST_MIN + (Rates.BASIC_CIVIL_FIRST_MAX - Rates.BASIC_CIVIL_FIRST_MIN) * u;
    }

    void file(LocalDate day, RandomGenerator r, Consumer<Spawn> spawns) {
        double weekday = Rates.WEEKDAY_FACTOR[Math.min(day.getDayOfWeek().getValue() - 1, 4)];
        List<Spawn> today = new ArrayList<>();
        for (Map.Entry<String, Map<Procedure, Double>> court : means.entrySet()) {
            for (Map.Entry<Procedure, Double> mean : court.getValue().entrySet()) {
                int n = Draw.poisson(r, mean.getValue() * scale * weekday);
                for (int i = 0; i < n; i++) {
                    today.add(new Spawn(court.getKey(), mean.getKey(), day, r.nextInt(WorkingTime.DAY_MINUTES),
                            r.nextInt(60), null, claim(mean.getKey(), r), court.getKey()));
                }
            }
        }
        today.forEach(spawns);
    }

    private static BigDecimal claim(Procedure procedure, RandomGenerator r) {
        return switch (procedure) {
            case CIVIL_FIRST_SUMMARY -> Draw.amount(r, Rates.CLAIM_MEDIAN_SUMMARY, Rates.CLAIM_SIGMA, 0);
            case CIVIL_FIRST_ORDINARY -> Draw.amount(r, Rates.CLAIM_MEDIAN_ORDINARY, Rates.CLAIM_SIGMA, 0);
            case CIVIL_SMALL_CLAIMS -> Draw.amount(r, Rates.CLAIM_MEDIAN_SMALL, Rates.CLAIM_SIGMA / 2,
                    Rates.CLAIM_MAX_SMALL);
            default -> null;
        };
    }
}
