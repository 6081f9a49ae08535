/**
 * Keeping a served index current: the {@link kb.live.Reindexer} runs one index update at a time and refreshes the
 * searchers only after its commit; the {@link kb.live.CorpusWatcher} starts one when the corpus folder changes.
 */
package kb.live;
