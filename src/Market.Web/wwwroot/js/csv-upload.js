// Refused before sending: on slow mobile data a too-large file would take minutes to be turned down.
document.querySelector('#upload input[type=file]').addEventListener('change', e => {
    const input = e.target;
    input.setCustomValidity(input.files[0]?.size > Number(input.dataset.maxBytes) ? input.dataset.tooLarge : '');
    input.reportValidity();
});
