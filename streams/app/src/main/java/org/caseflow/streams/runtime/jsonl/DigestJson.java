package org.caseflow.streams.runtime.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.caseflow.CaseflowException;
import org.caseflow.events.Digest;
import org.caseflow.events.DigestCase;
import org.caseflow.events.DigestCounts;

/**
 * The JSON form of a digest (DESIGN.md section 9): {@code {"kind":"digest","recipient","period","counts":{...},
 * "cases":[...]}} and more fields, in a fixed order. The same form is written by {@code caseflow replay --digests-out},
 * answered by {@code GET /api/v1/digests/{recipient}} and posted by {@code caseflow notify} (there with the resolved
 * recipient and the digest's role reference as {@code role}). Deterministic: the same digest gives the same bytes.
 */
public final class DigestJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DigestJson() {
    }

    public static ObjectNode node(Digest d) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", "digest");
        o.put("recipient", d.getRecipient());
        o.put("period", d.getPeriod());
        o.put("periodKind", d.getKind());
        o.put("firstDay", d.getFirstDay().toString());
        o.put("lastDay", d.getLastDay().toString());
        o.put("closedAt", d.getClosedAt().toString());
        o.put("court", d.getCourt());
        counts(o.putObject("counts"), d.getCounts());
        if (d.getChange() == null) {
            o.putNull("change");
        } else {
            counts(o.putObject("change"), d.getChange());
        }
        o.put("previousPeriod", d.getPreviousPeriod());
        ArrayNode cases = o.putArray("cases");
        for (DigestCase c : d.getOverdue()) {
            cases.addObject().put("caseId", c.getCaseId()).put("court", c.getCourt())
                    .put("procedure", c.getProcedure().name()).put("level", c.getLevel().name())
                    .put("deadline", c.getDeadline().toString()).put("daysOverdue", c.getDaysOverdue())
                    .put("acknowledged", c.getAcknowledged());
        }
        return o;
    }

    /** One line, no terminator. */
    public static String toJson(Digest d) {
        return text(node(d));
    }

    public static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new CaseflowException("cannot write a digest", e);
        }
    }

    private static void counts(ObjectNode o, DigestCounts c) {
        o.put("cases", c.getCases());
        o.put("NOTICE", c.getNotice());
        o.put("WARNING", c.getWarning());
        o.put("CRITICAL", c.getCritical());
        o.put("BREACHED", c.getBreached());
        o.put("OVERDUE", c.getOverdue());
        o.put("newlyBreached", c.getNewlyBreached());
        o.put("dueWithin3", c.getDueWithin3());
        o.put("dueWithin7", c.getDueWithin7());
        o.put("dueWithin15", c.getDueWithin15());
        o.put("overdue", c.getOverdueCases());
        o.put("acknowledged", c.getAcknowledged());
    }
}
