package kb.index;

import java.util.Map;

/**
 * What an indexing run records about search by meaning in its commit ({@link Fields#COMMIT_MEANING}). Rule: {@link
 * #KEEP} carries the index's setting (a new index is on); {@link #ON} and {@link #OFF} record theirs. While the
 * setting is off no vector is carried over or made: the articles a run rewrites are written without vectors.
 */
public enum MeaningSwitch {
    /** Leave the index's setting as it is. */
    KEEP,
    /** Record search by meaning as on ({@code kb index --meaning}). */
    ON,
    /** Record search by meaning as off ({@code kb index --no-meaning}). */
    OFF;

    static final String OFF_VALUE = "off";
    static final String ON_VALUE = "on";

    /** True when {@code commitData} records search by meaning as off. */
    public static boolean isOff(Map<String, String> commitData) {
        return OFF_VALUE.equals(commitData.get(Fields.COMMIT_MEANING));
    }

    /** Whether the commit this run makes records the setting as off, given the last commit's data. */
    boolean offAfter(Map<String, String> before) {
        return this == OFF || this == KEEP && isOff(before);
    }

    /** Puts the setting this run commits into {@code carried}, from the last commit's {@code before}. */
    void record(Map<String, String> before, Map<String, String> carried) {
        switch (this) {
            case ON -> carried.put(Fields.COMMIT_MEANING, ON_VALUE);
            case OFF -> carried.put(Fields.COMMIT_MEANING, OFF_VALUE);
            case KEEP -> {
                String was = before.get(Fields.COMMIT_MEANING);
                if (was != null) {
                    carried.put(Fields.COMMIT_MEANING, was);
                }
            }
        }
    }
}
