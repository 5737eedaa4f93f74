/**
 * Table downloads: any table as CSV (UTF-8 with a byte-order mark) or XLSX, through one writer,
 * {@link vn.hocso.lms.web.export.TableExport}. Services build the {@link
 * vn.hocso.lms.web.export.ExportTable} (and check the scope); pages only hand it to the browser.
 */
package vn.hocso.lms.web.export;
