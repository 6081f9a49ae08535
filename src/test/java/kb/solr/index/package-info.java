/** Tests of {@code kb index --solr}'s pieces that need no cluster: documents, config set, and their agreement with the embedded index. */
package kb.solr.index;
