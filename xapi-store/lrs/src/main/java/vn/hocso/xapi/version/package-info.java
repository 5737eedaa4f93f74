/**
 * Version negotiation through the {@code X-Experience-API-Version} header (xAPI 2.0 Part 3 §1.3;
 * 1.0.3 §6.2): which versions we accept, and the filter that requires the header on every resource
 * but About and answers with it on every response.
 */
package vn.hocso.xapi.version;
