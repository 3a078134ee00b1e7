/* Lan Tỏa: the phone menu, and sharing a page. Loaded with defer; no inline handlers. */
(function () {
    "use strict";

    var toggle = document.querySelector("[data-menu-toggle]");
    var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));

    function setMenu(open) {
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-open", open);
    }

    if (toggle && menu) {
        toggle.addEventListener("click", function () {
            setMenu(toggle.getAttribute("aria-expanded") !== "true");
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                setMenu(false);
                toggle.focus();
            }
        });
    }

    function announce(button, message) {
        var status = button.closest(".share");
        status = status && status.querySelector("[data-share-status]");
        if (status) {
            status.textContent = message;
        }
    }

    document.querySelectorAll("[data-share]").forEach(function (button) {
        if (!navigator.share) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.share({
                title: button.getAttribute("data-share-title"),
                url: button.getAttribute("data-share-url")
            }).catch(function () {});
        });
    });

    document.querySelectorAll("[data-copy-link]").forEach(function (button) {
        if (!navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(button.getAttribute("data-copy-link")).then(
                function () {
                    announce(button, "Đã sao chép liên kết.");
                },
                function () {
                    announce(button, "Không sao chép được, hãy sao chép địa chỉ trên thanh trình duyệt.");
                }
            );
        });
    });
})();
