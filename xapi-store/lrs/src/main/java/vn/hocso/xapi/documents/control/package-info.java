/**
 * Document writes under the concurrency rules of the requested xAPI version, applied as
 * compare-and-set on the stored ETag so that two clients cannot overwrite each other unseen.
 */
package vn.hocso.xapi.documents.control;
