/** Search helpers shared by the catalogue and the LMS: Vietnamese text folding. */
package vn.hocso.content.search;
