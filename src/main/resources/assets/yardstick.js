// Yardstick's only script of its own: copy buttons and charts. Everything else that moves is htmx.
document.addEventListener('click', function (event) {
  var button = event.target.closest('button[data-copy]');
  if (!button) {
    return;
  }
  var source = document.getElementById(button.getAttribute('data-copy'));
  if (!source) {
    return;
  }
  var text = source.value !== undefined && source.tagName === 'INPUT' ? source.value : source.textContent;
  var done = function () {
    var label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(function () { button.textContent = label; }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, function () { selectText(source); });
  } else {
    selectText(source); // plain http: the clipboard API is off, so select it for Ctrl+C
  }
});

function selectText(element) {
  var range = document.createRange();
  range.selectNodeContents(element);
  var selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

// Charts: an element <div class="chart" data-chart='{ECharts option as JSON}'> is drawn with ECharts, which
// is loaded (from this server, the URL in <meta name="yardstick-echarts">) only on pages that have a chart.
var echartsLoading = null;

function loadEcharts() {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  if (!echartsLoading) {
    echartsLoading = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = document.querySelector('meta[name=yardstick-echarts]').content;
      script.onload = function () { resolve(window.echarts); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  return echartsLoading;
}

function drawCharts(root) {
  var elements = (root || document).querySelectorAll('[data-chart]');
  if (elements.length === 0) {
    return;
  }
  loadEcharts().then(function (echarts) {
    elements.forEach(function (element) {
      var option = JSON.parse(element.getAttribute('data-chart'));
      // ECharts' HTML tooltip writes style attributes, which the Content-Security-Policy refuses: draw it on the canvas
      option.tooltip = Object.assign({ trigger: 'axis', renderMode: 'richText' }, option.tooltip || {});
      option.aria = Object.assign({ enabled: true }, option.aria || {});
      // drawn at once: figures to read, not to watch grow (and a screenshot or a quick reader never sees half a bar)
      option.animation = false;
      var chart = echarts.getInstanceByDom(element) || echarts.init(element, null, { renderer: 'canvas' });
      chart.setOption(option, true);
      element.setAttribute('data-chart-drawn', 'true');
    });
  });
}

window.addEventListener('resize', function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('[data-chart-drawn]').forEach(function (element) {
    var chart = window.echarts.getInstanceByDom(element);
    if (chart) {
      chart.resize();
    }
  });
});
document.addEventListener('DOMContentLoaded', function () { drawCharts(document); });
document.addEventListener('htmx:afterSwap', function (event) { drawCharts(event.target); });

// The menu button of narrow screens (the stylesheet shows it only there, and only when this script runs)
document.documentElement.classList.add('js');
document.addEventListener('click', function (event) {
  var button = event.target.closest('button.menu-button');
  if (!button) {
    return;
  }
  var open = button.closest('header').classList.toggle('open');
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
});

// Sortable tables (<table data-sortable>): a header's button sorts the rows by the cells' data-sort, numbers as numbers,
// unknown (empty) last; a second press reverses.
document.addEventListener('click', function (event) {
  var button = event.target.closest('table[data-sortable] button[data-sort-column]');
  if (!button) {
    return;
  }
  var table = button.closest('table');
  var column = Number(button.getAttribute('data-sort-column'));
  var th = button.closest('th');
  var ascending = th.getAttribute('aria-sort') !== 'ascending';
  table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
  th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var key = function (row) {
    var cell = row.cells[column];
    return cell ? cell.getAttribute('data-sort') : null;
  };
  rows.sort(function (a, b) {
    var x = key(a), y = key(b);
    if (x === null || x === '') { return (y === null || y === '') ? 0 : 1; }
    if (y === null || y === '') { return -1; }
    var nx = Number(x), ny = Number(y);
    var order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
    return ascending ? order : -order;
  });
  rows.forEach(function (row) { body.appendChild(row); });
});

// Date-range forms (form[data-range]): typing a date picks the custom range, so that the dates are what is shown
document.addEventListener('change', function (event) {
  var form = event.target.closest('form[data-range]');
  if (form && event.target.type === 'date' && form.elements.range) {
    form.elements.range.value = 'custom';
  }
});
