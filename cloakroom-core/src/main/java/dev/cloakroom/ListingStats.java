package dev.cloakroom;

/**
 * What {@link SessionListing#stats} counts: sessions live and expired at one instant, and the size of their
 * encoded data ({@link StoredSession#data()}, in characters, which are bytes for Django's ASCII encoding).
 *
 * @param live sessions not expired
 * @param expired sessions expired but not yet cleared
 * @param totalBytes the size of all sessions' data together
 * @param largestBytes the size of the largest session's data; 0 when there are none
 */
public record ListingStats(long live, long expired, long totalBytes, long largestBytes) {

    /** Checks that no count is negative. */
    public ListingStats {
        if (live < 0 || expired < 0 || totalBytes < 0 || largestBytes < 0) {
            throw new IllegalArgumentException("Session counts cannot be negative: live=" + live
                    + ", expired=" + expired + ", totalBytes=" + totalBytes + ", largestBytes="
                    + largestBytes);
        }
    }
}
