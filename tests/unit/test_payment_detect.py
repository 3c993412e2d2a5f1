"""A table of realistic payment markup, positives and negatives, against the detector."""

import pytest

from auditor.payment_detect import detect_in_html, detect_in_labels, detect_in_schema, detect_in_scripts

FOOTER = "<footer class='site-footer'><div class='payment-icons'>{}</div></footer>"

CASES = [
    ('<img alt="Visa" src="/i/v.png">', {"visa"}),
    ('<img src="/assets/payment/mastercard.svg" alt="">', {"mastercard"}),
    ('<img src="/cdn/shop/amex_logo.png" alt="American Express">', {"amex"}),
    ('<svg class="icon icon--full-color" role="img"><title>PayPal</title></svg>', {"paypal"}),
    ('<svg><use href="#icon-apple-pay"></use></svg>', {"apple_pay"}),
    ('<svg><use xlink:href="/sprite.svg#google_pay"></use></svg>', {"google_pay"}),
    ('<i class="fa fa-cc-visa"></i><i class="fa fa-cc-mastercard"></i>', {"visa", "mastercard"}),
    ('<span class="payment-icon payment-icon--klarna"></span>', {"klarna"}),
    ('<li class="pm" data-method="ideal"></li>', {"ideal"}),
    ('<img alt="Maestro" src="m.png"><img alt="Discover" src="d.png">', {"maestro", "discover"}),
    ('<img alt="Afterpay" src="a.png">', {"afterpay"}),
    ('<img alt="Clearpay" src="c.png">', {"afterpay"}),
    ('<img alt="Shop Pay" src="s.png">', {"shop_pay"}),
    ('<img alt="Amazon Pay" src="ap.png">', {"amazon_pay"}),
    ('<img alt="Bancontact" src="b.png">', {"bancontact"}),
    ('<img alt="SEPA Lastschrift" src="s.png">', {"sepa_debit"}),
    ('<img alt="Sofort" src="s.png">', {"sofort"}),
    ('<img alt="Affirm" src="a.png">', {"affirm"}),
    ('<img alt="giropay" src="g.png">', {"giropay"}),
    ('<picture><source srcset="/img/visa.webp"><img src="/img/visa.png" alt="Visa card"></picture>', {"visa"}),
    ('<p>We accept Visa, Mastercard and PayPal.</p>', {"visa", "mastercard", "paypal"}),
    ('<p>Pay with Klarna: pay in 3 interest-free instalments.</p>', {"klarna"}),
    ('<p>Payment methods: bank transfer, cash on delivery, gift cards.</p>', {"bank_transfer", "cash_on_delivery", "gift_card"}),
    ('<p>Wir akzeptieren PayPal, Überweisung und Rechnung.</p>', {"paypal", "bank_transfer"}),
    ('<p>Betaalmethoden: iDEAL, Bancontact</p>', {"ideal", "bancontact"}),
    ('<p>Moyens de paiement : Visa, Mastercard, virement</p>', {"visa", "mastercard", "bank_transfer"}),
    ('<ul class="list-payment"><li><img alt="visa"></li><li><img alt="master card"></li></ul>', {"visa", "mastercard"}),
    ('<div aria-label="Payment options"><span role="img" aria-label="Apple Pay"></span></div>', {"apple_pay"}),
    ('<div class="trust-badges"><img alt="Google Pay"></div>', {"google_pay"}),
    ('<img data-src="/lazy/paypal-logo.png" class="lazyload" alt="">', {"paypal"}),
]
NEGATIVES = [
    '<article class="post"><h1>Our travel guide</h1><p>You will need a visa to enter the country.</p></article>',
    '<article class="blog"><p>Last year PayPal announced new features for sellers.</p></article>',
    '<main><p>The ideal gift for every occasion.</p></main>',
    '<nav><a href="/discover">Discover our range</a></nav>',
    '<main><img src="/products/affirmations-poster.png" alt="Affirmations poster"></main>',
    '<main><h2>Apply for a travel visa online</h2><img src="/img/passport.png" alt="Passport"></main>',
    '<div class="hero"><p>Find your ideal sofa today.</p></div>',
    '<p>Call us to discover more about our maestro series.</p>',
]


@pytest.mark.parametrize(("markup", "expected"), CASES)
def test_detector_finds_payment_methods_in_real_world_markup(markup: str, expected: set[str]) -> None:
    assert {d.id for d in detect_in_html(FOOTER.format(markup))} == expected


@pytest.mark.parametrize("markup", NEGATIVES)
def test_detector_ignores_words_that_mean_something_else(markup: str) -> None:
    assert detect_in_html(f"<html><body>{markup}</body></html>") == []


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.paypal.com/sdk/js?client-id=abc", "paypal"), ("https://js.stripe.com/v3/", "card"),
    ("https://js.klarna.com/web-sdk/v1/klarna.js", "klarna"), ("https://js.afterpay.com/afterpay-1.x.js", "afterpay"),
    ("https://cdn1.affirm.com/js/v2/affirm.js", "affirm"), ("https://pay.google.com/gp/p/js/pay.js", "google_pay"),
    ("https://static-na.payments-amazon.com/checkout.js", "amazon_pay"), ("https://web.squarecdn.com/v1/square.js", "card"),
    ("https://js.braintreegateway.com/web/3.97.2/js/client.min.js", "card"),
])
def test_provider_scripts_map_to_methods(url: str, expected: str) -> None:
    assert [d.id for d in detect_in_scripts([url])] == [expected]


def test_analytics_scripts_are_not_payment_providers() -> None:
    assert detect_in_scripts(["https://www.googletagmanager.com/gtag/js", "https://cdn.shopify.com/s/trekkie.js"]) == []


def test_payment_step_labels() -> None:
    ids = {d.id for d in detect_in_labels(["Credit or debit card", "PayPal", "Klarna – pay later", "iDEAL"])}
    assert ids == {"card", "paypal", "klarna", "ideal"}


def test_schema_org_payment_accepted() -> None:
    items = [{"@type": "Store", "paymentAccepted": "Cash, Credit Card, PayPal"},
             {"@type": "Offer", "acceptedPaymentMethod": [{"@id": "http://purl.org/goodrelations/v1#PayPal"}]}]
    assert {d.id for d in detect_in_schema(items)} == {"card", "paypal"}


@pytest.mark.parametrize(("markup", "expected"), [
    pytest.param('<svg aria-labelledby="pi-visa" role="img"><path d="M0"/></svg>', {"visa"}, id="aria-labelledby-without-target"),
    pytest.param('<svg aria-labelledby="pi-master" role="img"></svg>', {"mastercard"}, id="payment-icons-pi-master"),
    pytest.param('<svg aria-labelledby="pi-american_express"></svg>', {"amex"}, id="pi-american-express"),
    pytest.param('<svg role="img"><title>PayPal</title></svg>', {"paypal"}, id="svg-title"),
    pytest.param('<svg><use href="#icon-apple-pay"></use></svg>', {"apple_pay"}, id="sprite-use-href"),
    pytest.param('<i class="fa fa-cc-discover"></i>', {"discover"}, id="icon-font-fa-cc"),
    pytest.param('<i class="pf pf-diners"></i>', {"diners"}, id="icon-font-pf"),
    pytest.param('<span class="icon-visa"></span>', {"visa"}, id="class-name"),
    pytest.param('<span class="payment-icon--amex"></span>', {"amex"}, id="bem-class-name"),
    pytest.param('<span class="pay" style="background-image:url(/img/maestro.svg)"></span>', {"maestro"}, id="css-background"),
    pytest.param('<img src="/static/logos/klarna.png" alt="">', {"klarna"}, id="img-file-name"),
    pytest.param('<img src="/x.png" alt="iDEAL">', {"ideal"}, id="img-alt"),
    pytest.param('<svg aria-labelledby="pi-shopify_pay"></svg>', {"shop_pay"}, id="shopify-pay"),
])
def test_payment_marks_in_every_form_sites_use(markup: str, expected: set[str]) -> None:
    html = f"<footer><ul class='list-payment'><li>{markup}</li></ul></footer>"
    assert {d.id for d in detect_in_html(html)} == expected


@pytest.mark.parametrize("label", [
    "Paiement à la livraison",  # Shuup in French, as a French merchant names the method
    "Contre-remboursement", "Onder rembours", "Contrareembolso", "Pago contra entrega", "Contrassegno",
    "Pagamento alla consegna", "Betalen bij aflevering", "Nachnahme", "Pay on delivery",
])
def test_cash_on_delivery_is_named_in_each_shop_language(label: str) -> None:
    from auditor.payment_detect import TEXT_METHODS

    assert TEXT_METHODS["cash_on_delivery"].search(label)


@pytest.mark.parametrize("text", ["Retours et remboursements", "Remboursement sous 14 jours", "Code promo"])
def test_a_refund_or_a_code_is_not_cash_on_delivery(text: str) -> None:
    from auditor.payment_detect import TEXT_METHODS

    assert not TEXT_METHODS["cash_on_delivery"].search(text)
