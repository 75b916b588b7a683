// A select marked data-auto-submit sends its form as soon as it changes; without scripts the form keeps its own button.
document.querySelectorAll('select[data-auto-submit]').forEach(select =>
    select.addEventListener('change', () => select.form.submit()));
