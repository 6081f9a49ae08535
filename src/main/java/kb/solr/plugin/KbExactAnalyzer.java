package kb.solr.plugin;

import kb.index.Analyzers;

/**
 * {@link Analyzers#exact()} (the prose chain without stemming) for a Solr schema
 * ({@code <analyzer class="kb.solr.plugin.KbExactAnalyzer"/>}): the unstemmed text field is analysed by the very
 * chain the embedded index uses, not by a copy of it written in XML.
 */
public final class KbExactAnalyzer extends KbChainAnalyzer {
    public KbExactAnalyzer() {
        super(Analyzers.exact());
    }
}
