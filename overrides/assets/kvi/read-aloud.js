// Read-aloud with the browser's own speech synthesis, only with voices that run on the
// device (voice.localService): online voices would send the text to a server.
(function () {
  "use strict";
  var box = document.querySelector(".kvi-read-aloud");
  if (!box || !("speechSynthesis" in window)) return;
  var button = box.querySelector("button");
  var region = document.querySelector("article [data-read-aloud]");
  // The text's own language: the page's, or German where a page has no translation yet.
  var lang = (region ? region.closest("[lang]") : document.documentElement).lang.split("-")[0];

  function localVoice() {
    return speechSynthesis.getVoices().filter(function (voice) {
      return voice.localService && voice.lang.toLowerCase().indexOf(lang) === 0;
    })[0];
  }

  function offer() {
    if (localVoice()) box.hidden = false;
  }

  function reset() {
    button.textContent = button.getAttribute("data-play");
    button.setAttribute("aria-pressed", "false");
  }

  button.addEventListener("click", function () {
    if (speechSynthesis.speaking) {
      speechSynthesis.cancel();
      reset();
      return;
    }
    var voice = localVoice();
    if (!voice) return;
    var text = region.innerText;
    var utterance = new SpeechSynthesisUtterance(text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.onend = reset;
    speechSynthesis.speak(utterance);
    button.textContent = button.getAttribute("data-stop");
    button.setAttribute("aria-pressed", "true");
  });
  offer();
  speechSynthesis.addEventListener("voiceschanged", offer);
})();
