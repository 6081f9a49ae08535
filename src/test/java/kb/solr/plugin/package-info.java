/** Tests of what runs inside Solr: kb's analyzers, filter factories and similarity as the schema loads them. */
package kb.solr.plugin;
