/**
 * Tests of kb.web, the step before the command line: the pages and JSON API over HTTP on a running site of the
 * fixture corpus ({@link kb.web.TestSite}), Jetty's rejections, and the pages in a headless browser.
 */
package kb.web;
