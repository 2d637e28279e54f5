package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.SeatType;
import dev.figmascim.bridge.source.csv.LegacySeats.ProductSeat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The per-product seat rule, one row per branch and the orderings between branches. Empty = no value. */
class CsvLegacySeatsTest {

    @ParameterizedTest(name = "design={0} devMode={1} figjam={2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            EDITOR,     -,          -,          FULL
            EDITOR,     EDITOR,     EDITOR,     FULL
            EDITOR,     RESTRICTED, RESTRICTED, FULL
            VIEWER,     EDITOR,     EDITOR,     DEV
            -,          EDITOR,     -,          DEV
            RESTRICTED, VIEWER,     EDITOR,     COLLAB
            -,          -,          EDITOR,     COLLAB
            VIEWER,     VIEWER,     VIEWER,     VIEW
            RESTRICTED, RESTRICTED, VIEWER,     VIEW
            -,          VIEWER,     -,          VIEW
            RESTRICTED, RESTRICTED, RESTRICTED, RESTRICTED
            -,          -,          RESTRICTED, RESTRICTED
            -,          -,          -,          -
            """)
    void derivesTheSeat(ProductSeat design, ProductSeat devMode, ProductSeat figjam, SeatType expected) {
        assertEquals(expected, LegacySeats.derive(design, devMode, figjam));
    }
}
