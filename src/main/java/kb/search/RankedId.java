package kb.search;

/**
 * One entry of a bare ranking, as evaluation needs it: a passage id or an article slug with its score. Lists of
 * these are in rank order, best first, each id at most once.
 */
public record RankedId(String id, float score) {}
