/**
 * Catalogue search: finds published courses the way members type on a phone (without diacritics, in
 * any case, with a small typo), ranks them and pages them. {@link
 * vn.hocso.content.catalogue.CatalogueIndex} is the in-memory index and its ranking, free of JPA;
 * {@link vn.hocso.content.catalogue.CatalogueSearch} keeps one index of the published versions and
 * rebuilds it when what is published changes. Results leave as {@link
 * vn.hocso.content.catalogue.CatalogueCourse} records, never as entities.
 */
package vn.hocso.content.catalogue;
