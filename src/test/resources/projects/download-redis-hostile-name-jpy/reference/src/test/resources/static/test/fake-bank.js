// Back to the store's return_url, as the bank does once the buyer approves.
document.getElementById('approve').addEventListener('click', () => {
  window.location.assign(new URLSearchParams(window.location.search).get('return'));
});
