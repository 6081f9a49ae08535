/**
 * What runs inside Solr, from {@code target/kb-solr-plugin.jar} on every node: kb's analyzers as schema analyzer
 * classes ({@link kb.solr.plugin.KbEnglishAnalyzer}, {@link kb.solr.plugin.KbExactAnalyzer}), factories for kb's own
 * token filters, kb's similarity, and kb's query parser ({@code {!kb}}). Rule: each wraps or delegates to the one
 * definition in {@code kb.index}, so the cluster analyses and scores exactly as the embedded index does.
 */
package kb.solr.plugin;
