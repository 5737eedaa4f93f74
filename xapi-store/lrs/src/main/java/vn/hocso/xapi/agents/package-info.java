/**
 * The Agents resource (xAPI 2.0 Part 3 §2.4; 1.0.3 §7.6): the Person Object the LRS knows for an
 * agent. This LRS does not link identities, so a Person combines the identifiers of the one agent
 * asked about.
 */
package vn.hocso.xapi.agents;
