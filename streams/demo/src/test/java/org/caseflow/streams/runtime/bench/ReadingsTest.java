package org.caseflow.streams.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReadingsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleReadingAndTheMaxIsTheHighest() {
        Readings s = Readings.of(new long[] {700, 650, 820, 690, 710});
        assertEquals(700, s.median());
        assertEquals(820, s.max());
        assertEquals(5, s.count());
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleReadings() {
        Readings s = Readings.of(new long[] {800, 600, 700, 640});
        assertEquals(670, s.median());
        assertEquals(800, s.max());
    }

    @Test
    void noReadingsGiveMinusOne() {
        Readings s = Readings.of(new long[0]);
        assertEquals(-1, s.median());
        assertEquals(-1, s.max());
        assertEquals(0, s.count());
    }
}
