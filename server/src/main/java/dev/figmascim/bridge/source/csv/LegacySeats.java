package dev.figmascim.bridge.source.csv;

import dev.figmascim.bridge.model.SeatType;

/**
 * Derives today's single seat from the per-product seats of exports made before March 2025
 * (figma-domain.md §6: Figma Design, FigJam and Dev Mode each Editor/Full, Viewer or Viewer-restricted).
 * Used only when the file has no SEAT column.
 */
final class LegacySeats {

    /** A legacy per-product seat. */
    enum ProductSeat { EDITOR, VIEWER, RESTRICTED }

    private LegacySeats() {
    }

    /**
     * The rule, in this order (first match wins; an empty cell or an absent column is {@code null} and
     * counts for nothing): Figma Design Editor &rarr; FULL, because a Full seat includes every product;
     * else Dev Mode Full &rarr; DEV; else FigJam Editor &rarr; COLLAB; else a Viewer anywhere &rarr; VIEW;
     * else Viewer-restricted (in every product that has a value) &rarr; RESTRICTED; nothing at all &rarr; null.
     */
    static SeatType derive(ProductSeat design, ProductSeat devMode, ProductSeat figjam) {
        if (design == ProductSeat.EDITOR) {
            return SeatType.FULL;
        }
        if (devMode == ProductSeat.EDITOR) {
            return SeatType.DEV;
        }
        if (figjam == ProductSeat.EDITOR) {
            return SeatType.COLLAB;
        }
        if (design == ProductSeat.VIEWER || devMode == ProductSeat.VIEWER || figjam == ProductSeat.VIEWER) {
            return SeatType.VIEW;
        }
        if (design == ProductSeat.RESTRICTED || devMode == ProductSeat.RESTRICTED || figjam == ProductSeat.RESTRICTED) {
            return SeatType.RESTRICTED;
        }
        return null;
    }
}
