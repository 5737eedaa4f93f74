/**
 * Coverage dashboards (issue 7, item 4): what an officer sees of her unit's training. {@code
 * domain}: the period a dashboard shows and the yearly staff training target ({@link
 * vn.hocso.lms.coverage.dashboard.domain.StaffTrainingTarget}); {@code control}: one service per
 * part of the page (totals, trend and child units; people not yet trained; staff against target;
 * active trainers), each reading the projector's tables and checking the caller's scope; {@code
 * boundary}: the page's view bean, which only binds the page to them. Reports live beside it in
 * {@code coverage.report}.
 */
package vn.hocso.lms.coverage.dashboard;
