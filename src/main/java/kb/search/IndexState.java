package kb.search;

/** The index a search service is serving: its Lucene commit generation and how many passages it holds. */
public record IndexState(long generation, int passages) {}
