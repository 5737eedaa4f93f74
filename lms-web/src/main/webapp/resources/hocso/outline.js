// The course editor's outline: lesson rows move by the mouse within their module and into
// another module. PrimeFaces makes each module's lesson table a jQuery UI sortable that reports
// moves inside one table only; here the tables are connected and every drop is reported once, as
// (lesson, module it landed in, position there), to the page's remote command dropLesson.
(function () {
  var LISTS = '.lesson-table .ui-datatable-data';

  function connect() {
    $(LISTS).each(function () {
      var list = $(this);
      if (!list.sortable('instance')) {
        return;
      }
      list.sortable('option', {
        connectWith: LISTS,
        items: '> tr:not(.ui-datatable-empty-message)',
        update: function (event, ui) {
          if (ui.item.parent()[0] !== this) {
            return; // the table the row left says nothing; the one it landed in reports
          }
          window.dropLesson([
            { name: 'lesson', value: ui.item.find('.drag-handle').data('lesson') },
            { name: 'module', value: $(this).closest('[data-module]').data('module') },
            { name: 'position', value: ui.item.prevAll('tr').not('.ui-datatable-empty-message').length }
          ]);
        }
      });
      list.sortable('refresh');
    });
  }

  $(connect);
  $(document).on('pfAjaxComplete', connect);
})();
