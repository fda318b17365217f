/* global document */
// Keeps the ballot's running total up to date as the voter ticks projects or types points. The
// server writes the total when it sends the page, so without this script it is right on load and
// after each submission; with it, it follows every change.
(function () {
  const form = document.getElementById('ballot');
  const box = form && form.querySelector('[data-total]');
  const out = box && box.querySelector('output');
  if (!out) return;
  const kind = box.getAttribute('data-total');
  function update() {
    if (kind === 'cost') {
      const budget = Number(box.getAttribute('data-budget'));
      const currency = box.getAttribute('data-currency') || 'GBP';
      let sum = 0;
      for (const c of form.querySelectorAll('input[data-cost]'))
        if (c.checked) sum += Number(c.getAttribute('data-cost'));
      out.textContent = new Intl.NumberFormat('en-GB', {
        style: 'currency',
        currency,
        maximumFractionDigits: Number.isInteger(sum) ? 0 : 2,
      }).format(sum);
      box.classList.toggle('over', sum > budget);
    } else {
      let sum = 0;
      for (const p of form.querySelectorAll('input[data-points]')) sum += Number(p.value) || 0;
      out.textContent = String(sum);
      box.classList.toggle('over', sum !== 100);
    }
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();
})();
