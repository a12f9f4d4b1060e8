package org.caseflow.streams.domain.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.caseflow.streams.domain.cases.Disposition;
import org.caseflow.streams.domain.courts.CourtId;
import org.caseflow.streams.domain.rules.Category;
import org.caseflow.streams.domain.rules.Instance;

/** Test fact builders and the Zhuzhou court tree (湘 → 湘02 → nine basic courts). */
final class Facts {
    static final List<String> BASIC = List.of("湘0202", "湘0203", "湘0204", "湘0211", "湘0212", "湘0223", "湘0224",
            "湘0225", "湘0281");
    static final Function<CourtId, List<CourtId>> ANCESTORS = court -> switch (court.value().length()) {
        case 5 -> List.of(new CourtId(court.value().substring(0, 3)), new CourtId(court.value().substring(0, 1)));
        case 3 -> List.of(new CourtId(court.value().substring(0, 1)));
        default -> List.of();
    };

    private Facts() {
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static CaseFact filed(String id, String court, String category, String on, boolean originating) {
        return new CaseFact(FactKind.FILED, id, court, Category.valueOf(category), Instance.FIRST, d(on), d(on), null, null,
                null, null, null,
                originating);
    }

    static CaseFact closed(String id, String court, String category, String instance, String filedOn, String on,
                           String disposition, Boolean onTime, Integer days) {
        return new CaseFact(FactKind.CLOSED, id, court, Category.valueOf(category), Instance.valueOf(instance), d(on),
                d(filedOn), disposition(disposition), onTime,
                days, null, null, false);
    }

    static CaseFact enforcementClosed(String id, String court, String filedOn, String on, String disposition,
                                      String claim, String paid) {
        return new CaseFact(FactKind.CLOSED, id, court, Category.ENFORCEMENT, Instance.ENFORCEMENT, d(on), d(filedOn),
                disposition(disposition),
                null, null, new BigDecimal(claim), new BigDecimal(paid), false);
    }

    static CaseFact of(FactKind kind, String id, String court, String on, boolean flag) {
        return CaseFact.simple(kind, id, court, Category.CIVIL, Instance.FIRST, d(on), flag);
    }

    static CaseFact decided(FactKind kind, String id, String court, String on, String disposition) {
        return new CaseFact(kind, id, court, Category.CIVIL, Instance.FIRST, d(on), null, disposition(disposition), null, null,
                null, null, false);
    }

    static Disposition disposition(String name) {
        return name == null ? null : Disposition.valueOf(name);
    }
}
