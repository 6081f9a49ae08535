package kb.search;

/**
 * The index an engine is serving: its commit generation, how many passages it holds, and how many of them have
 * a meaning vector; search by meaning is on for this generation only when every passage has one ({@link #meaningOn}).
 */
public record IndexState(long generation, int passages, int withMeaning) {
    public boolean meaningOn() {
        return passages > 0 && withMeaning == passages;
    }
}
