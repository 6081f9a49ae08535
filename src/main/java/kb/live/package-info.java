/**
 * Keeping a served index current: the {@link kb.live.Reindexer} runs one index update at a time and refreshes the
 * searchers only after its commit; the {@link kb.live.CorpusWatcher} starts one when the corpus folder changes; the
 * {@link kb.live.MeaningBuilder} adds meaning vectors in budgeted runs between them, and {@link kb.live.MeaningStatus}
 * is how far it got.
 */
package kb.live;
