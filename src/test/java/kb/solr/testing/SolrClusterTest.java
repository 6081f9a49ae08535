package kb.solr.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class (or method) that runs against a real SolrCloud cluster ({@link SolrTestCluster}): JUnit tag
 * {@value SolrTestCluster#TAG}. These tests run in the normal {@code mvn verify}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(SolrTestCluster.TAG)
public @interface SolrClusterTest {}
