/**
 * A document and where it lives (kind, activity, agent, registration, id, as SHA-256 keys), its
 * ETag, the If-Match / If-None-Match rules and the JSON merge of a POST.
 */
package vn.hocso.xapi.documents.entity;
