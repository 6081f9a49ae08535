/**
 * The edge people and programs talk to: Javalin routes, Thymeleaf pages and the JSON API over a
 * {@link kb.search.SearchEngine}. The only place markup is made from search text, and the only place routes, links
 * and citations are composed (from the parts the engine returns), so either can change without re-indexing.
 */
package kb.web;
