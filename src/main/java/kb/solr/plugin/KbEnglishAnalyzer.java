package kb.solr.plugin;

import kb.index.Analyzers;

/**
 * {@link Analyzers#english()} for a Solr schema ({@code <analyzer class="kb.solr.plugin.KbEnglishAnalyzer"/>}): the
 * prose fields are analysed by the very chain the embedded index uses, not by a copy of it written in XML.
 */
public final class KbEnglishAnalyzer extends KbChainAnalyzer {
    public KbEnglishAnalyzer() {
        super(Analyzers.english());
    }
}
