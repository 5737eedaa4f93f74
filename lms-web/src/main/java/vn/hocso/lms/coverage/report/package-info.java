/**
 * The 6-month and annual coverage reports of a unit (issue 7, item 5): a fixed layout built once
 * from a frozen period ({@code domain.CoverageReport}), rendered as XLSX and PDF ({@code control}),
 * stored byte for byte with its SHA-256 ({@code storage}), listed, generated and downloaded from
 * {@code /app/reports.xhtml} ({@code web}).
 */
package vn.hocso.lms.coverage.report;
