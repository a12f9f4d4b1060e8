package org.caseflow.streams.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import org.caseflow.streams.domain.cases.AtRiskListing;
import org.caseflow.streams.domain.cases.CaseState;
import org.caseflow.streams.domain.courts.CourtId;

/**
 * The key of each store whose keys have parts, one record per shape ({@link StoreNames} says which store holds
 * which): the one place that writes and reads them. The strings are the ones on disk and in the changelogs since the
 * stores were created; a change here is a state migration. Fixed-width numbers are zero-padded so that byte order is
 * number order (range scans rely on it), with hand-written padding because {@code String.format} is slow on the hot
 * path.
 */
public final class StoreKeys {
    /** Separates the parts of a key; court codes, case ids, recipients and alert ids never contain it. */
    static final char SEPARATOR = '|';
    /** Sorts after every key of a prefix that ends with {@link #SEPARATOR}: '}' follows '|'. */
    static final String PREFIX_END = "}";

    /**
     * The order of a store's String keys: their UTF-8 bytes compared unsigned, as Kafka Streams' record cache and
     * RocksDB compare the serialized keys (a range read's bounds and what it returns follow it).
     */
    static final Comparator<String> STORE_ORDER = Comparator.comparing(
            (String key) -> key.getBytes(StandardCharsets.UTF_8), Arrays::compareUnsigned);

    private StoreKeys() {
    }

    /**
     * {@link StoreNames#DEADLINE_INDEX}: {@code court|epochDay|caseId}, the day zero-padded to 8 digits, so that a
     * court's open cases sort by deadline day. The case engine says where a case is listed ({@link AtRiskListing});
     * this is the one place that spells it as a key.
     */
    public record DeadlineKey(String court, LocalDate deadline, String caseId) {
        private static final int DAY_DIGITS = 8;

        /** The key under which {@code state}'s case is listed, null if it is not listed. */
        public static String of(CaseState state) {
            AtRiskListing listed = state.atRisk();
            return listed == null ? null
                    : new DeadlineKey(listed.court().value(), listed.deadline(), state.caseId().value()).encode();
        }

        /** The listing {@code key} stands for; null for null (the case record's stored form keeps the key). */
        static AtRiskListing listing(String key) {
            if (key == null) {
                return null;
            }
            DeadlineKey decoded = decode(key);
            return new AtRiskListing(new CourtId(decoded.court()), decoded.deadline());
        }

        public String encode() {
            return court + SEPARATOR + epochDay(deadline.toEpochDay()) + SEPARATOR + caseId;
        }

        public static DeadlineKey decode(String key) {
            int first = key.indexOf(SEPARATOR);
            int second = first + 1 + DAY_DIGITS;
            if (first < 0 || key.length() <= second || key.charAt(second) != SEPARATOR) {
                throw new IllegalArgumentException("not a deadline index key: " + key);
            }
            return new DeadlineKey(key.substring(0, first), LocalDate.ofEpochDay(day(key, first + 1)),
                    key.substring(second + 1));
        }

        /** The deadline day of a key of {@code court} (no allocation: the threshold scan reads every key it passes). */
        static LocalDate deadlineOf(String key, String court) {
            return LocalDate.ofEpochDay(day(key, court.length() + 1));
        }

        /** The case id of a key of {@code court}. */
        static String caseIdOf(String key, String court) {
            return key.substring(court.length() + 2 + DAY_DIGITS);
        }

        /** The court of any key. */
        static String courtOf(String key) {
            return key.substring(0, key.indexOf(SEPARATOR));
        }

        /** Lower bound (inclusive) of the court's keys. */
        public static String courtStart(String court) {
            return court + SEPARATOR;
        }

        /** Upper bound of the court's keys; also the lower bound of the courts after it. */
        public static String courtEnd(String court) {
            return court + PREFIX_END;
        }

        /** Lower bound (inclusive) of the court's keys on and after {@code epochDay}. */
        public static String dayStart(String court, long epochDay) {
            return court + SEPARATOR + epochDay(epochDay);
        }

        /** Upper bound of the court's keys on or before {@code epochDay}. */
        public static String dayEnd(String court, long epochDay) {
            return court + SEPARATOR + epochDay(epochDay) + PREFIX_END;
        }

        private static long day(String key, int at) {
            return Long.parseLong(key, at, at + DAY_DIGITS, 10);
        }

        private static String epochDay(long day) {
            return pad(Long.toString(day), DAY_DIGITS);
        }
    }

    /**
     * {@link StoreNames#DUE_INDEX}: {@code dueMillis|caseId}, the epoch millis zero-padded to 16 digits, so that a
     * range from the start reads what is due earliest first.
     */
    record DueKey(Instant due, String caseId) {
        static final int MILLIS_DIGITS = 16;

        String encode() {
            return millis(due.toEpochMilli()) + SEPARATOR + caseId;
        }

        static DueKey decode(String key) {
            int bar = key.indexOf(SEPARATOR);
            if (bar < 0) {
                throw new IllegalArgumentException("not a due index key: " + key);
            }
            return new DueKey(Instant.ofEpochMilli(Long.parseLong(key, 0, bar, 10)), key.substring(bar + 1));
        }

        /** Epoch millis as they lead a due key. */
        static String millis(long epochMillis) {
            return pad(Long.toString(epochMillis), MILLIS_DIGITS);
        }
    }

    /**
     * {@link StoreNames#HELD_EVENTS} and {@link StoreNames#ORDER_BARRIER}: an arrival sequence number zero-padded to
     * 19 digits (every non-negative long), so that the store iterates in arrival order.
     */
    record SequenceKey(long sequence) {
        private static final int DIGITS = 19;

        SequenceKey {
            if (sequence < 0) {
                throw new IllegalArgumentException("sequence must not be negative: " + sequence);
            }
        }

        String encode() {
            return pad(Long.toString(sequence), DIGITS);
        }

        static SequenceKey decode(String key) {
            return new SequenceKey(Long.parseLong(key));
        }
    }

    /**
     * {@link StoreNames#CASE_EVENTS}: one archived chunk of a case's events, {@code caseId|chunk}, the chunk number
     * zero-padded to 6 digits (wider numbers keep their digits).
     */
    record EventChunkKey(String caseId, int chunk) {
        private static final int DIGITS = 6;

        String encode() {
            return caseId + SEPARATOR + pad(Integer.toString(chunk), DIGITS);
        }

        static EventChunkKey decode(String key) {
            int bar = key.lastIndexOf(SEPARATOR);
            if (bar < 0) {
                throw new IllegalArgumentException("not an event chunk key: " + key);
            }
            return new EventChunkKey(key.substring(0, bar), Integer.parseInt(key.substring(bar + 1)));
        }
    }

    /**
     * {@link StoreNames#DIGESTS} and the key of {@code caseflow.digests}: {@code recipient|kind|period}, e.g.
     * {@code judge:J-湘0211-07|day|2025-05-19}. Period labels sort by time within a kind.
     */
    public record DigestKey(String recipient, String kind, String period) {
        public String encode() {
            return recipient + SEPARATOR + kind + SEPARATOR + period;
        }

        public static DigestKey decode(String key) {
            int last = key.lastIndexOf(SEPARATOR);
            int middle = last < 0 ? -1 : key.lastIndexOf(SEPARATOR, last - 1);
            if (middle < 0) {
                throw new IllegalArgumentException("not a digest key: " + key);
            }
            return new DigestKey(key.substring(0, middle), key.substring(middle + 1, last), key.substring(last + 1));
        }

        /** Lower bound (inclusive) of the recipient's digests of one kind. */
        public static String kindStart(String recipient, String kind) {
            return recipient + SEPARATOR + kind + SEPARATOR;
        }

        /** Upper bound of the recipient's digests of one kind. */
        public static String kindEnd(String recipient, String kind) {
            return kindStart(recipient, kind) + Character.MAX_VALUE;
        }
    }

    /**
     * {@link StoreNames#DIGEST_ENTRIES} before the entry log: {@code recipient|caseId|alertId}, one entry each (still
     * read: {@link DigestEntryLog}); the entry keys of a loaded log are these strings too, so entries sort as they did.
     */
    record DigestEntryKey(String recipient, String caseId, String alertId) {
        String encode() {
            return recipient + SEPARATOR + caseId + SEPARATOR + alertId;
        }

        static DigestEntryKey decode(String key) {
            int first = key.indexOf(SEPARATOR);
            int second = first < 0 ? -1 : key.indexOf(SEPARATOR, first + 1);
            if (second < 0) {
                throw new IllegalArgumentException("not a digest entry key: " + key);
            }
            return new DigestEntryKey(key.substring(0, first), key.substring(first + 1, second),
                    key.substring(second + 1));
        }

        /** The prefix of every entry of {@code recipient}. */
        static String recipientPrefix(String recipient) {
            return recipient + SEPARATOR;
        }
    }

    /**
     * {@link StoreNames#DIGEST_ENTRIES} since the entry log: one record of a recipient's entry log,
     * {@code recipient||sequence}, the sequence zero-padded to 19 digits. The empty middle part keeps these apart from
     * the per-entry keys written before ({@link DigestEntryKey}: a case id is never empty); both share
     * {@link DigestEntryKey#recipientPrefix}, so one prefix scan reads a recipient's records of either shape.
     */
    record DigestLogKey(String recipient, long sequence) {
        private static final int DIGITS = 19;

        String encode() {
            return DigestEntryKey.recipientPrefix(recipient) + SEPARATOR + new SequenceKey(sequence).encode();
        }

        /**
         * Whether {@code key}, found by a prefix scan of {@code recipient}'s prefix, is one of its log records: exactly
         * the separator and 19 digits follow. Not a per-entry record (a case id is never empty), nor a record of a
         * recipient whose name goes on past a separator (a division's name is free text).
         */
        static boolean isLog(String recipient, String key) {
            int at = recipient.length() + 1;
            if (key.length() != at + 1 + DIGITS || key.charAt(at) != SEPARATOR) {
                return false;
            }
            for (int i = at + 1; i < key.length(); i++) {
                if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }

    private static String pad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
