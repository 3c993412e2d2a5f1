"""One Shopware 6 storefront served in German, French, Dutch or Spanish, for the multilingual journeys (issue 24).

`ShopwareShop(lang)` rebuilds, in our own code on the stdlib HTTP kit, the markup patterns of Shopware 6's default
storefront theme (shopware/shopware @ cfc087db92b7381885333c3035b8a034ec251bae, `src/Storefront/Resources/views/
storefront/`): the header search widget (`layout/header/search.html.twig`), the product buy widget posting to
`/checkout/line-item/add` (`component/buy-widget/buy-widget-form.html.twig`), the variant configurator whose radios
ask `/detail/{parentId}/switch` for the variant's URL (`component/buy-widget/configurator.html.twig`), the off-canvas
cart (`component/checkout/offcanvas-cart.html.twig`), the cart page, `/checkout/confirm` redirecting a visitor to
`/checkout/register` (address page: a collapsed login, then the register form with Shopware 6.4's guest checkbox
`page/checkout/address/register.html.twig` before commit fc9e941688, posting to `/account/register`), and the
confirm page (`page/checkout/confirm/index.html.twig`: terms, payment and shipping method cards auto-submitting to
`/checkout/configure`, and `#confirmOrderForm` posting to `/checkout/order`). Class names and ids are Shopware's
and language-neutral; URLs are Shopware's routes (SEO URLs `/<Name>/<productNumber>` for products, a category-named
SEO URL for the contact CMS page).

Every visible storefront wording is a Shopware snippet, copied verbatim into `SNIPPETS` from the catalogues the
vocabulary is built from (auditor/vocabulary/SOURCES.md): de from `shopware/shopware:src/Storefront/Resources/
snippet/de_DE/storefront.de-DE.json`, fr/nl/es from `shopware/SwagLanguagePack@1711b01c:src/Resources/snippet/
storefront/storefront.<locale>.json`. Shopware ships no stock alert, so the "notify me" form uses django-oscar 4.2.1's
catalogue wording (`NOTIFY_ME`). Data a merchant types into Shopware's administration (product names, sizes,
payment and shipping method names, country names) is not in the storefront snippets: product names are ours,
payment method names are the Magento 2 language packs' translations of Magento's own method titles
(`PAYMENT_METHODS`), shipping methods are Shopware's default "Standard" / "Express", and country names come from
Debian's iso-codes 4.15.0 `iso_3166-1` catalogues (`COUNTRY_NAMES`). `LABEL_SOURCES` names, per language, the
vocabulary key and the catalogue entry of each label the journey and the checks must understand.

The shop counts every request to its order endpoint in `self.orders` (valid or not), keeps every submitted
checkout address in `self.registrations` and every stock-alert, newsletter and contact submission in
`self.alerts`, `self.newsletter` and `self.messages`. `EXPECTED[lang]` holds the facts a correct audit reports,
counted as tests/sites/theme_patterns.py counts them (`steps_to_payment`: from the first checkout page, a
guest/account gate included, up to and including the step that asks for payment)."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import unicodedata
from html import escape
from typing import Any, ClassVar
from urllib.parse import quote

from auditor.demo.httpkit import App, Request, Response

# Shopware storefront snippets, verbatim (see the module docstring for the files and commits).
SNIPPETS: dict[str, dict[str, str]] = {
    'de': {
        'header.searchPlaceholder': 'Suchbegriff eingeben ...',
        'header.searchButton': 'Suchen',
        'header.logoLink': 'Zur Startseite gehen',
        'general.homeLink': 'Home',
        'general.required': '*',
        'general.requiredFields': 'Die mit einem Stern (*) markierten Felder sind Pflichtfelder.',
        'detail.addProduct': 'In den Warenkorb',
        'listing.boxAddProduct': 'In den Warenkorb',
        'listing.boxProductDetails': 'Details',
        'detail.soldOut': 'Nicht mehr verfügbar',
        'detail.deliveryTimeAvailable': 'Sofort verfügbar, Lieferzeit: %name%',
        'detail.productNumberLabel': 'Produktnummer:',
        'component.product.quantitySelect.label': 'Anzahl',
        'checkout.cartHeader': 'Warenkorb',
        'checkout.cartTitle': 'Warenkorb',
        'checkout.continueShopping': 'Weiter einkaufen',
        'checkout.proceedToCheckout': 'Zur Kasse',
        'checkout.proceedToCart': 'Warenkorb anzeigen',
        'checkout.cartEmpty': 'Ihr Warenkorb ist leer.',
        'checkout.addToCartSuccess': '{1} 1 Produkt zum Warenkorb hinzugefügt.|]1,Inf[ %count% Produkte zum Warenkorb hinzugefügt.',
        'checkout.summaryHeader': 'Zusammenfassung',
        'checkout.summaryPositionPrice': 'Zwischensumme',
        'checkout.summaryShipping': 'Versandkosten',
        'checkout.summaryTotalPrice': 'Gesamtsumme',
        'checkout.addressHeader': 'Versandinformationen',
        'checkout.addressLoginToggle': 'Sie sind bereits Kunde? Klicken Sie hier, um sich einzuloggen.',
        'checkout.addressRegisterCardTitle': 'Persönliche Informationen',
        'checkout.registerGuestmodeLabel': 'Kein Kundenkonto anlegen.',
        'account.loginHeader': 'Ich bin bereits Kunde',
        'account.loginMailLabel': 'Ihre E-Mail-Adresse',
        'account.loginPasswordLabel': 'Ihr Passwort',
        'account.loginSubmit': 'Anmelden',
        'account.loginBadCredentials': 'Es konnte kein Account mit den angegebenen Zugangsdaten gefunden werden.',
        'account.myAccount': 'Ihr Konto',
        'account.personalSalutationLabel': 'Anrede',
        'account.personalSalutationPlaceholder': 'Anrede auswählen ...',
        'account.personalFirstNameLabel': 'Vorname',
        'account.personalLastNameLabel': 'Nachname',
        'account.personalMailLabel': 'Neue E-Mail-Adresse',
        'account.personalPasswordLabel': 'Passwort',
        'account.personalPasswordDescription': 'Das Passwort muss mindestens %minLength% Zeichen lang sein.',
        'error.VIOLATION::TOO_SHORT_ERROR': 'Die Eingabe ist zu kurz.',
        'account.registerAddressBillingHeader': 'Ihre Adresse',
        'account.registerSubmit': 'Weiter',
        'address.streetLabel': 'Straße und Hausnummer',
        'address.zipcodeLabel': 'PLZ',
        'address.cityLabel': 'Ort',
        'address.countryLabel': 'Land',
        'address.countryPlaceholder': 'Land auswählen ...',
        'address.phoneNumberLabel': 'Telefonnummer',
        'error.VIOLATION::IS_BLANK_ERROR': 'Die Eingabe darf nicht leer sein.',
        'error.VIOLATION::ZIP_CODE_INVALID': 'Die eingegebene Postleitzahl hat nicht das richtige Format.',
        'checkout.confirmHeader': 'Bestellung abschließen',
        'checkout.confirmPaymentMethod': 'Zahlungsart',
        'checkout.confirmShippingMethod': 'Versandart',
        'checkout.confirmTermsHeader': 'AGB und Widerrufsbelehrung',
        'checkout.confirmTermsText': 'Ich habe die <a data-ajax-modal="true" data-url="%url%" href="%url%" title="AGB">AGB</a> gelesen und bin mit ihnen einverstanden.',
        'checkout.confirmSubmit': 'Zahlungspflichtig bestellen',
        'checkout.finishHeader': 'Vielen Dank für Ihre Bestellung bei %shop%!',
        'search.headline': '{0} Zu "%searchTerm%" wurde kein Produkt gefunden | {1} Zu "%searchTerm%" wurde 1 Produkt gefunden | ]1,Inf[ Zu "%searchTerm%" wurden %count% Produkte gefunden',
        'search.metaTitle': 'Suchergebnis',
        'listing.emptyResultMessage': 'Keine Produkte gefunden.',
        'contact.headline': 'Kontaktformular',
        'contact.info': 'Wir freuen uns auf Ihre Kontaktaufnahme.',
        'contact.subjectLabel': 'Betreff',
        'contact.commentLabel': 'Kommentar',
        'contact.formSubmit': 'Abschicken',
        'contact.success': 'Wir haben Ihre Kontaktanfrage erhalten und werden sie schnellstmöglich bearbeiten.',
        'footer.serviceContactText': 'Oder über unser <a data-ajax-modal="true" data-url="%url%" href="%url%" title="Kontaktformular">Kontaktformular</a>.',
        'footer.informationHeadline': 'Informationen',
        'footer.shopServiceHeadline': 'Shop-Service',
        'footer.newsletterHeadline': 'Newsletter',
        'footer.newsletter': 'Abonnieren Sie jetzt unseren regelmäßig erscheinenden Newsletter, um rechtzeitig über neue Produkte und Angebote informiert zu werden.',
        'footer.newsletterInput': 'E-Mail-Adresse',
        'newsletter.formSubmit': 'Abonnieren',
        'newsletter.subscriptionPersistedSuccess': 'Sie haben gerade unseren Newsletter abonniert.\n Um die Registrierung abzuschließen, suchen Sie in Ihrer E-Mail-Box nach unserer Bestätigungsmail und klicken Sie auf den darin enthaltenen Link.',
        'checkout.shippingMethod': 'Versandart',
        'checkout.paymentMethod': 'Zahlungsart',
    },
    'fr': {
        'header.searchPlaceholder': 'Entrez le terme de recherche...',
        'header.searchButton': 'Rechercher',
        'header.logoLink': "Retour à la page d'accueil",
        'general.homeLink': 'Accueil',
        'general.required': '*',
        'detail.addProduct': 'Ajouter au panier',
        'listing.boxAddProduct': 'Ajouter au panier',
        'listing.boxProductDetails': 'Détails',
        'detail.soldOut': 'Plus disponible',
        'detail.deliveryTimeAvailable': 'Disponible, délai de livraison\xa0: %name%',
        'detail.productNumberLabel': 'Réf. produit\xa0:',
        'component.product.quantitySelect.label': 'Quantité',
        'checkout.cartHeader': 'Panier',
        'checkout.cartTitle': 'Panier',
        'checkout.continueShopping': 'Continuer vos achats',
        'checkout.proceedToCheckout': 'Passer à la caisse',
        'checkout.proceedToCart': 'Afficher le panier',
        'checkout.cartEmpty': 'Votre panier est vide.',
        'checkout.addToCartSuccess': '{1} 1 produit a été ajouté à votre panier.|[0,Inf[ %count% produits ont été ajoutés à votre panier.',
        'checkout.summaryHeader': 'Résumé',
        'checkout.summaryPositionPrice': 'Total intermédiaire',
        'checkout.summaryShipping': 'Frais de livraison',
        'checkout.summaryTotalPrice': 'Total',
        'checkout.addressHeader': "Conditions d'expédition",
        'checkout.addressLoginToggle': 'Êtes-vous déjà client\xa0? Cliquez ici pour vous connecter.',
        'checkout.addressRegisterCardTitle': 'Informations personnelles',
        'checkout.registerGuestmodeLabel': 'Continuer sans créer de compte client',
        'account.loginHeader': 'Je suis déjà client\xa0!',
        'account.loginMailLabel': 'Votre adresse e-mail',
        'account.loginPasswordLabel': 'Votre mot de passe',
        'account.loginSubmit': 'Connexion',
        'account.loginBadCredentials': 'Aucun compte ne correspond aux identifiants saisis.',
        'account.myAccount': 'Votre compte',
        'account.personalSalutationLabel': 'Civilité',
        'account.personalSalutationPlaceholder': 'Sélectionnez la civilité...',
        'account.personalFirstNameLabel': 'Prénom',
        'account.personalLastNameLabel': 'Nom',
        'account.personalMailLabel': 'Adresse e-mail',
        'account.personalPasswordLabel': 'Mot de passe',
        'account.personalPasswordDescription': 'Le mot de passe doit inclure au moins %minLength% caractères.',
        'error.VIOLATION::TOO_SHORT_ERROR': 'La saisie est trop courte.',
        'account.registerAddressBillingHeader': 'Votre adresse',
        'account.registerSubmit': 'Continuer',
        'address.streetLabel': 'Adresse et n° de rue',
        'address.zipcodeLabel': 'Code postal',
        'address.cityLabel': 'Localité',
        'address.countryLabel': 'Pays',
        'address.countryPlaceholder': 'Sélectionner le pays...',
        'address.phoneNumberLabel': 'Numéro de téléphone',
        'error.VIOLATION::IS_BLANK_ERROR': "L'entrée ne doit pas être vide.",
        'error.VIOLATION::ZIP_CODE_INVALID': "Le code postal que vous avez saisi n'est pas au bon format.",
        'checkout.confirmHeader': 'Terminer la commande',
        'checkout.confirmPaymentMethod': 'Moyen de paiement',
        'checkout.confirmShippingMethod': "Mode d'expédition",
        'checkout.confirmTermsHeader': 'CGV et droit de rétraction',
        'checkout.confirmTermsText': 'J\'ai lu et j\'accepte les <a data-ajax-modal="true" data-url="%url%" href="%url%" title="general terms and conditions">conditions générales</a>.',
        'checkout.confirmSubmit': 'Commande avec obligation de paiement',
        'checkout.finishHeader': 'Nous vous remercions pour votre commande chez %shop%\xa0!',
        'search.headline': '{0} Aucun produit trouvé pour "%searchTerm%" | {1} 1\xa0produit trouvé pour "%searchTerm%" |[0,Inf[ %count%\xa0produits trouvés pour "%searchTerm%"',
        'search.metaTitle': 'Résultats de la recherche',
        'listing.emptyResultMessage': "Aucun produit n'a été trouvé.",
        'contact.headline': 'Formulaire de contact',
        'contact.info': "N'hésitez pas à nous contacter.",
        'contact.subjectLabel': 'Objet',
        'contact.commentLabel': 'Commentaire',
        'contact.formSubmit': 'Envoyer',
        'contact.success': 'Nous avons bien reçu votre message et reviendrons vers vous dans les meilleurs délais.',
        'footer.serviceContactText': 'Ou via notre <a data-ajax-modal="true" data-url="%url%" href="%url%" title="Contact form">formulaire de contact</a>.',
        'footer.informationHeadline': 'Informations',
        'footer.shopServiceHeadline': 'Service de la boutique',
        'footer.newsletterHeadline': 'Newsletter',
        'footer.newsletter': 'Abonnez-vous sans plus attendre à notre newsletter afin de découvrir nos nouveaux produits et nos nouvelles offres.',
        'footer.newsletterInput': 'Adresse e-mail',
        'newsletter.formSubmit': "S'abonner",
        'newsletter.subscriptionPersistedSuccess': "Vous venez de vous abonner à notre newsletter.\n Pour terminer le processus d'inscription, recherchez notre e-mail de confirmation dans votre boîte de réception et cliquez sur le lien fourni avec celui-ci.",
        'checkout.shippingMethod': "Mode d'expédition",
        'checkout.paymentMethod': 'Moyen de paiement',
    },
    'nl': {
        'header.searchPlaceholder': 'Voer een zoekterm in...',
        'header.searchButton': 'Zoeken',
        'header.logoLink': 'Naar de startpagina',
        'general.homeLink': 'Home',
        'general.required': '*',
        'detail.addProduct': 'In de winkelmand',
        'listing.boxAddProduct': 'In de winkelmand',
        'listing.boxProductDetails': 'Details',
        'detail.soldOut': 'Niet langer beschikbaar',
        'detail.deliveryTimeAvailable': 'Beschikbaar, levertijd: %name%',
        'detail.productNumberLabel': 'Productnummer:',
        'component.product.quantitySelect.label': 'Hoeveelheid',
        'checkout.cartHeader': 'Winkelmand',
        'checkout.cartTitle': 'Winkelmand',
        'checkout.continueShopping': 'Doorgaan met winkelen',
        'checkout.proceedToCheckout': 'Ga naar de kassa',
        'checkout.proceedToCart': 'Toon winkelmand',
        'checkout.cartEmpty': 'Uw winkelmand is leeg.',
        'checkout.addToCartSuccess': '{1} 1 product toegevoegd aan uw winkelwagen.|[0, Inf[ %count% producten toegevoegd aan uw winkelwagen.',
        'checkout.summaryHeader': 'Samenvatting',
        'checkout.summaryPositionPrice': 'Totaal',
        'checkout.summaryShipping': 'Verzendkosten',
        'checkout.summaryTotalPrice': 'Eindtotaal',
        'checkout.addressHeader': 'Verzendinformatie',
        'checkout.addressLoginToggle': 'Heeft u al een account? Klik dan hier om in te loggen.',
        'checkout.addressRegisterCardTitle': 'Uw persoonlijke informatie',
        'checkout.registerGuestmodeLabel': 'Geen klantaccount aanmaken.',
        'account.loginHeader': 'Ik ben al klant!',
        'account.loginMailLabel': 'Uw e-mailadres',
        'account.loginPasswordLabel': 'Uw wachtwoord',
        'account.loginSubmit': 'Aanmelden',
        'account.loginBadCredentials': 'Kon geen account vinden dat overeenkomt met de opgegeven inloggegevens.',
        'account.myAccount': 'Jouw account',
        'account.personalSalutationLabel': 'Aanhef',
        'account.personalSalutationPlaceholder': 'Selecteer een aanhef...',
        'account.personalFirstNameLabel': 'Voornaam',
        'account.personalLastNameLabel': 'Achternaam',
        'account.personalMailLabel': 'E-mailadres',
        'account.personalPasswordLabel': 'Wachtwoord',
        'account.personalPasswordDescription': 'Het wachtwoord moet uit tenminste %minLength% karakters bestaan.',
        'error.VIOLATION::TOO_SHORT_ERROR': 'De invoer is te kort.',
        'account.registerAddressBillingHeader': 'Uw adres',
        'account.registerSubmit': 'Verder',
        'address.streetLabel': 'Straat en huisnr.',
        'address.zipcodeLabel': 'Postcode',
        'address.cityLabel': 'Plaats',
        'address.countryLabel': 'Land',
        'address.countryPlaceholder': 'Land selecteren ...',
        'address.phoneNumberLabel': 'Telefoonnummer',
        'error.VIOLATION::IS_BLANK_ERROR': 'De invoer mag niet leeg zijn.',
        'error.VIOLATION::ZIP_CODE_INVALID': 'De postcode die je hebt ingevoerd heeft niet het juiste formaat.',
        'checkout.confirmHeader': 'Bestelling afronden',
        'checkout.confirmPaymentMethod': 'Betaalwijze',
        'checkout.confirmShippingMethod': 'Verzendwijze',
        'checkout.confirmTermsHeader': 'Algemene Voorwaarden en informatie over het herroepingsrecht',
        'checkout.confirmTermsText': 'Ik heb de <a data-ajax-modal="true" data-url="%url%" href="%url%" title="Algemene voorwaarden">algemene voorwaarden</a> gelezen en geaccepteerd.',
        'checkout.confirmSubmit': 'Bestelling plaatsen',
        'checkout.finishHeader': 'Bedankt voor uw bestelling bij %shop%!',
        'search.headline': '{0} 0 producten gevonden voor "%searchTerm%" | {1} Eén product gevonden voor "%searchTerm%" |[0,Inf[ %count% producten gevonden voor "%searchTerm%"',
        'search.metaTitle': 'Zoekresultaat',
        'listing.emptyResultMessage': 'Geen producten gevonden.',
        'contact.headline': 'Contact',
        'contact.info': 'We horen graag van u.',
        'contact.subjectLabel': 'Onderwerp',
        'contact.commentLabel': 'Commentaar',
        'contact.formSubmit': 'Verzenden',
        'contact.success': 'We hebben uw aanvraag ontvangen en zullen deze zo snel mogelijk in behandeling nemen.',
        'footer.serviceContactText': 'Of via ons <a data-ajax-modal="true" data-url="%url%" href="%url%" title="Contacformulier">contactformulier</a>.',
        'footer.informationHeadline': 'Informatie',
        'footer.shopServiceHeadline': 'Shop service',
        'footer.newsletterHeadline': 'Nieuwsbrief',
        'footer.newsletter': 'Abonneer nu op onze regelmatig verschijnende nieuwsbrief om op de hoogte blijven van de laatste producten en aanbiedingen.',
        'footer.newsletterInput': 'E-mailadres',
        'newsletter.formSubmit': 'Abonneren',
        'newsletter.subscriptionPersistedSuccess': 'U heeft zich zojuist aangemeld voor onze nieuwsbrief.\n Om het aanmeldingsproces te voltooien, zoekt u in uw inbox naar onze bevestigingsmail en klikt u op de link die bij het inschrijven is geleverd.',
        'checkout.shippingMethod': 'Verzendwijze',
        'checkout.paymentMethod': 'Betaalwijze',
    },
    'es': {
        'header.searchPlaceholder': 'Introduce el término de búsqueda...',
        'header.searchButton': 'Buscar',
        'header.logoLink': 'Ir a la página inicial',
        'general.homeLink': 'Inicio',
        'general.required': '*',
        'detail.addProduct': 'A la cesta',
        'listing.boxAddProduct': 'A la cesta',
        'listing.boxProductDetails': 'Detalles',
        'detail.soldOut': 'Ya no está disponible',
        'detail.deliveryTimeAvailable': 'Disponible, plazo de entrega: %name%',
        'detail.productNumberLabel': 'Número de producto:',
        'component.product.quantitySelect.label': 'Cantidad',
        'checkout.cartHeader': 'Cesta',
        'checkout.cartTitle': 'Cesta',
        'checkout.continueShopping': 'Seguir comprando',
        'checkout.proceedToCheckout': 'Ir a la caja',
        'checkout.proceedToCart': 'Mostrar carrito de compras',
        'checkout.cartEmpty': 'Su cesta está vacía.',
        'checkout.addToCartSuccess': '{1} 1 producto añadido a tu cesta de la compra.|[0, Inf [ %count% productos añadidos a tu carrito de compras.',
        'checkout.summaryHeader': 'Resumen',
        'checkout.summaryPositionPrice': 'Subtotal',
        'checkout.summaryShipping': 'Gastos de envío',
        'checkout.summaryTotalPrice': 'Total',
        'checkout.addressHeader': 'Información sobre el envío',
        'checkout.addressLoginToggle': '¿Ya es cliente? Haga clic aquí para iniciar una sesión.',
        'checkout.addressRegisterCardTitle': 'Información personal',
        'checkout.registerGuestmodeLabel': 'No crear cuenta de cliente.',
        'account.loginHeader': '¡Ya soy cliente!',
        'account.loginMailLabel': 'Su correo electrónico',
        'account.loginPasswordLabel': 'Su contraseña',
        'account.loginSubmit': 'Iniciar sesión',
        'account.loginBadCredentials': 'No se encuentra ninguna cuenta con los datos de acceso indicados.',
        'account.myAccount': 'Tu cuenta',
        'account.personalSalutationLabel': 'Tratamiento',
        'account.personalSalutationPlaceholder': 'Selecciona un tratamiento…',
        'account.personalFirstNameLabel': 'Nombre',
        'account.personalLastNameLabel': 'Apellidos',
        'account.personalMailLabel': 'Dirección de correo electrónico',
        'account.personalPasswordLabel': 'Contraseña',
        'account.personalPasswordDescription': 'La contraseña debe tener, como mínimo, %minLength% caracteres.',
        'error.VIOLATION::TOO_SHORT_ERROR': 'La entrada es demasiado corta.',
        'account.registerAddressBillingHeader': 'Su dirección',
        'account.registerSubmit': 'Continuar',
        'address.streetLabel': 'Calle y número',
        'address.zipcodeLabel': 'CP',
        'address.cityLabel': 'Localidad',
        'address.countryLabel': 'País',
        'address.countryPlaceholder': 'Seleccionar país…',
        'address.phoneNumberLabel': 'Número de teléfono',
        'error.VIOLATION::IS_BLANK_ERROR': 'La entrada no debe estar vacía.',
        'error.VIOLATION::ZIP_CODE_INVALID': 'El código postal que ha introducido no tiene el formato correcto.',
        'checkout.confirmHeader': 'Finalizar pedido',
        'checkout.confirmPaymentMethod': 'Modalidad de pago',
        'checkout.confirmShippingMethod': 'Modo de envío',
        'checkout.confirmTermsHeader': 'CGV y derecho de desistimiento',
        'checkout.confirmTermsText': 'He leído y acepto los <a data-ajax-modal="true" data-url="%url%" href="%url%" title="general terms and conditions">términos y condiciones generales</a>.',
        'checkout.confirmSubmit': 'Pedir con pago',
        'checkout.finishHeader': 'Muchas gracias por su pedido en %shop%.',
        'search.headline': '{0} No se ha encontrado ningún producto con «%searchTerm%» | {1} Se ha encontrado 1 producto con «%searchTerm%» |[0,Inf[ Se han encontrado %count% productos con «%searchTerm%»',
        'search.metaTitle': 'Resultado de la búsqueda',
        'listing.emptyResultMessage': 'No se encuentran productos.',
        'contact.headline': 'Formulario de contacto',
        'contact.info': 'Nos alegrará recibir sus noticias.',
        'contact.subjectLabel': 'Asunto',
        'contact.commentLabel': 'Comentario',
        'contact.formSubmit': 'Enviar',
        'contact.success': 'Hemos recibido su solicitud de contacto y la tramitaremos con la máxima celeridad.',
        'footer.serviceContactText': 'O a través de nuestro <a data-ajax-modal="true" data-url="%url%" href="%url%" title="Contact form">formulario de contacto</a>.',
        'footer.informationHeadline': 'Información',
        'footer.shopServiceHeadline': 'Servicio de tienda',
        'footer.newsletterHeadline': 'Boletín',
        'footer.newsletter': 'Suscríbase ahora a nuestro boletín informativo periódico para recibir a tiempo la información sobre los nuevos productos y ofertas.',
        'footer.newsletterInput': 'Dirección de correo electrónico',
        'newsletter.formSubmit': 'Suscríbete',
        'newsletter.subscriptionPersistedSuccess': 'Usted acaba de suscribirse a nuestro boletín informativo.\n Para completar el proceso de inscripción, busque en su bandeja de entrada nuestro correo electrónico de confirmación y haga clic en el enlace proporcionado con él.',
        'checkout.shippingMethod': 'Modo de envío',
        'checkout.paymentMethod': 'Modalidad de pago',
    },
}

# Shopware has no stock alert; django-oscar's does (templates/oscar/catalogue/detail.html: the sentence, an e-mail
# field and a "Notify me" button). Wordings from oscar/locale/<lang>/LC_MESSAGES/django.po (django-oscar 4.2.1).
NOTIFY_ME: dict[str, dict[str, str]] = {
    "de": {"Notify me": "Benachrichtigen Sie mich",
           "You can get an email alert when this product is back in stock.":
               "Sie können eine E-Mail erhalten, wenn dieses Produkt wieder vorrätig ist."},
    "fr": {"Notify me": "Prévenez moi",
           "You can get an email alert when this product is back in stock.":
               "Vous pouvez recevoir une alerte par mail lorsque ce produit sera de nouveau en stock."},
    "nl": {"Notify me": "Hou me op de hoogte",
           "You can get an email alert when this product is back in stock.":
               "Ja kan een melding via email ontvangen wanneer we het product weer op stock hebben."},
    "es": {"Notify me": "Notificarme",
           "You can get an email alert when this product is back in stock.":
               "Usted puede ser avisado por correo electrónico cuando este producto vuelva a estar disponible."},
}

# Payment method names are merchant data in Shopware (payment_method_translation). These are the Magento 2 language
# packs' translations (mageplaza/magento-2-<language>-language-pack, commits in SOURCES.md) of two of Magento's own
# method titles, "Bank Transfer Payment" (Magento_OfflinePayments) and "Credit Card" (Magento_Braintree); PayPal is a
# brand name.
PAYMENT_METHODS: dict[str, tuple[tuple[str, str], ...]] = {
    "de": (("banktransfer", "Zahlung per Überweisung"), ("creditcard", "Kreditkarte"), ("paypal", "PayPal")),
    "fr": (("banktransfer", "Paiement par virement bancaire"), ("creditcard", "Carte de crédit"), ("paypal", "PayPal")),
    "nl": (("banktransfer", "Bankoverschrijving"), ("creditcard", "Creditcard"), ("paypal", "PayPal")),
    "es": (("banktransfer", "Pago por transferencia bancaria"), ("creditcard", "Tarjeta de crédito"), ("paypal", "PayPal")),
}
# Shopware's default shipping methods (src/Core/Migration/V6_3/Migration1536233560BasicData.php), the same in every language.
SHIPPING_METHODS: tuple[tuple[str, str, int], ...] = (("standard", "Standard", 495), ("express", "Express", 995))

# Country names from Debian iso-codes 4.15.0 (/usr/share/locale/<lang>/LC_MESSAGES/iso_3166-1.mo), the CLDR-style
# names a shop's country table carries in each language.
COUNTRY_NAMES: dict[str, dict[str, str]] = {
    "de": {"DE": "Deutschland", "AT": "Österreich", "CH": "Schweiz", "FR": "Frankreich", "BE": "Belgien",
           "NL": "Niederlande", "ES": "Spanien", "PT": "Portugal", "LU": "Luxemburg", "GB": "Vereinigtes Königreich"},
    "fr": {"DE": "Allemagne", "AT": "Autriche", "CH": "Suisse", "FR": "France", "BE": "Belgique",
           "NL": "Pays-Bas", "ES": "Espagne", "PT": "Portugal", "LU": "Luxembourg", "GB": "Royaume-Uni"},
    "nl": {"DE": "Duitsland", "AT": "Oostenrijk", "CH": "Zwitserland", "FR": "Frankrijk", "BE": "België",
           "NL": "Nederland", "ES": "Spanje", "PT": "Portugal", "LU": "Luxemburg", "GB": "Verenigd Koninkrijk"},
    "es": {"DE": "Alemania", "AT": "Austria", "CH": "Suiza", "FR": "Francia", "BE": "Bélgica",
           "NL": "Países Bajos", "ES": "España", "PT": "Portugal", "LU": "Luxemburgo", "GB": "Reino Unido"},
}
# The English names a German (French, ...) form must never receive.
ENGLISH_COUNTRY_NAMES = ("Germany", "Austria", "Switzerland", "France", "Belgium", "Netherlands", "Spain", "Portugal",
                         "Luxembourg", "United Kingdom", "England", "Greater London", "London")

MARKET = {"de": ("de-DE", "DE"), "fr": ("fr-FR", "FR"), "nl": ("nl-NL", "NL"), "es": ("es-ES", "ES")}
# Postcode formats the shop checks server-side (Shopware: country.checkPostalCodePattern / postalCodeRequired).
POSTCODE_PATTERNS: dict[str, str] = {
    "DE": r"^\d{5}$", "AT": r"^\d{4}$", "CH": r"^\d{4}$", "FR": r"^\d{5}$", "BE": r"^\d{4}$",
    "NL": r"^[1-9]\d{3} ?[A-Z]{2}$", "ES": r"^(?:0[1-9]|[1-4]\d|5[0-2])\d{3}$", "PT": r"^\d{4}-\d{3}$",
    "LU": r"^\d{4}$", "GB": r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$",
}

# Product names are merchant data (ours). SW10001 has sizes (Shopware variants SW10001.1-4, M is the main variant);
# SW10003 is sold out.
PRODUCTS: dict[str, dict[str, Any]] = {
    "SW10001": {"names": {"de": "Merino Strickpullover", "fr": "Pull en mérinos", "nl": "Merino trui",
                          "es": "Jersey de merino"},
                "group": {"de": "Größe", "fr": "Taille", "nl": "Maat", "es": "Talla"},
                "sizes": ("S", "M", "L", "XL"), "main": "M", "price": 7995, "available": True},
    "SW10002": {"names": {"de": "Leinenhemd Classic", "fr": "Chemise en lin", "nl": "Linnen overhemd",
                          "es": "Camisa de lino"}, "price": 4995, "available": True},
    "SW10003": {"names": {"de": "Wollmütze Alpin", "fr": "Bonnet en laine", "nl": "Wollen muts",
                          "es": "Gorro de lana"}, "price": 2495, "available": False},
}
BRAND = "Nordstern"
PASSWORD_MIN_LENGTH = 8  # Shopware's default core.loginRegistration.passwordMinLength
CONTACT_EMAIL = "service@nordstern.example"

# vocabulary key -> the catalogue entry whose wording this shop shows for it (checked against
# auditor/vocabulary/vocabulary.json's provenance by tests/gather/test_multilingual_journeys.py).
LABEL_KEYS: dict[str, str] = {
    "add_to_cart": "shopware:detail.addProduct",
    "cart": "shopware:checkout.cartTitle",
    "view_cart": "shopware:checkout.proceedToCart",
    "continue_shopping": "shopware:checkout.continueShopping",
    "empty_cart": "shopware:checkout.cartEmpty",
    "checkout": "shopware:checkout.proceedToCheckout",
    "continue": "shopware:account.registerSubmit",
    "guest": "shopware:checkout.registerGuestmodeLabel",
    "sign_in": "shopware:account.loginSubmit",
    "search": "shopware:header.searchButton",
    "no_results": "shopware:listing.emptyResultMessage",
    "contact": "shopware:contact.headline",
    "newsletter": "shopware:footer.newsletterHeadline",
    "shipping": "shopware:checkout.shippingMethod",
    "payment": "shopware:checkout.paymentMethod",
    "total": "shopware:checkout.summaryTotalPrice",
    "out_of_stock": "shopware:detail.soldOut",
    "notify_me": "oscar:Notify me",
    "required_field": "shopware:error.VIOLATION::IS_BLANK_ERROR",
    "place_order": "shopware:checkout.confirmSubmit",
}


def label(lang: str, key: str) -> str:
    """The wording this shop shows for vocabulary key `key`, straight from its catalogue entry."""
    source, _, entry = LABEL_KEYS[key].partition(":")
    return NOTIFY_ME[lang][entry] if source == "oscar" else SNIPPETS[lang][entry]


LABEL_SOURCES: dict[str, dict[str, tuple[str, str]]] = {
    lang: {key: (label(lang, key), entry) for key, entry in LABEL_KEYS.items()} for lang in MARKET
}


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")


def _id(seed: str) -> str:
    """Shopware's 32-hex entity ids, deterministic here."""
    return hashlib.md5(seed.encode()).hexdigest()


def _plural(text: str, count: int) -> str:
    """Symfony's translator choice format, as Shopware snippets use it ('{0} ..|{1} ..|]1,Inf[ ..')."""
    for part in text.split("|"):
        part = part.strip()
        exact = re.match(r"^\{(\d+)\}\s*(.*)$", part, re.S)
        if exact and int(exact.group(1)) == count:
            return exact.group(2)
        ranged = re.match(r"^([\[\]])(\d+),\s*Inf\s*\[\s*(.*)$", part, re.S)
        if ranged and (count > int(ranged.group(2)) if ranged.group(1) == "]" else count >= int(ranged.group(2))):
            return ranged.group(3)
    return text.split("|")[-1]


def _ask(template: str, **values: str) -> str:
    for key, value in values.items():
        template = template.replace(f"%{key}%", value)
    return template


_CSS = """
body{font-family:Inter,sans-serif;margin:0;color:#4a545b}.container{max-width:1200px;margin:0 auto;padding:0 16px}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);border:0}
.d-none,.collapse:not(.show),.dropdown-menu:not(.show){display:none!important}
.header-row{display:flex;align-items:center;gap:16px;padding:16px 0}.header-logo-main-link{font-size:26px;font-weight:700;color:#0b539b;text-decoration:none}
.header-search{flex:1}.header-search-form .input-group{display:flex}.header-search-input{flex:1;padding:8px;border:1px solid #798490}
.header-actions-btn,.btn{display:inline-block;padding:8px 14px;border:1px solid #0b539b;border-radius:3px;background:#fff;color:#0b539b;
text-decoration:none;cursor:pointer;font-size:14px}.btn-primary{background:#0b539b;color:#fff}.btn-link{border-color:transparent}
.btn-buy{width:100%;padding:12px}.cms-listing-row{display:grid;grid-template-columns:repeat(3,1fr);gap:20px}
.product-box{border:1px solid #dadae5;padding:16px}.product-image-wrapper{height:160px;background:#eef1f4}.product-name{display:block;margin:8px 0;color:#4a545b}
.product-detail-main{display:grid;grid-template-columns:7fr 5fr;gap:40px;padding:30px 0}.product-detail-media{height:420px;background:#eef1f4}
.product-detail-configurator-options{display:flex;gap:8px;margin:8px 0 16px}.product-detail-configurator-option-input{position:absolute;opacity:0;width:1px;height:1px}
.product-detail-configurator-option-label{display:inline-block;min-width:40px;padding:8px;border:1px solid #798490;text-align:center;cursor:pointer}
.product-detail-configurator-option-input:checked+.product-detail-configurator-option-label{border:2px solid #0b539b}
.delivery-status-indicator{display:inline-block;width:8px;height:8px;border-radius:50%;margin-right:6px}.bg-success{background:#3cc261}.bg-danger{background:#e52427}
.form-group{margin-bottom:12px}.form-label{display:block;font-size:14px;margin-bottom:4px}.form-control,.form-select{width:100%;padding:8px;box-sizing:border-box;border:1px solid #798490}
.is-invalid{border-color:#e52427}.invalid-feedback{display:block;color:#e52427;font-size:13px}.alert{padding:10px;border:1px solid;margin:10px 0}
.alert-danger{border-color:#e52427;color:#e52427}.alert-success{border-color:#3cc261}.row{display:flex;flex-wrap:wrap;gap:16px}.col-sm-6,.col-md-6{flex:1 1 45%}
.offcanvas{position:fixed;top:0;right:0;width:400px;height:100%;background:#fff;z-index:1050;box-shadow:0 0 20px rgba(0,0,0,.3);padding:16px;box-sizing:border-box;overflow:auto}
.offcanvas-backdrop{position:fixed;inset:0;background:rgba(0,0,0,.5);z-index:1040}.checkout-main{display:grid;grid-template-columns:8fr 4fr;gap:40px;padding:30px 0}
.card{border:1px solid #dadae5;padding:16px;margin-bottom:16px}.card-title{font-weight:700;margin-bottom:8px}
.footer-main{margin-top:40px;padding:30px 0;background:#f9f9f9}.footer-columns{display:grid;grid-template-columns:repeat(3,1fr);gap:30px}
.footer-column-headline{font-weight:700;margin-bottom:8px}
"""

_JS = r"""
(function () {
  const body = document.body;
  function closeOffcanvas() { document.querySelectorAll('.offcanvas, .offcanvas-backdrop').forEach(el => el.remove()); body.classList.remove('no-scroll'); }
  function openOffcanvas(html) {
    closeOffcanvas();
    const backdrop = document.createElement('div'); backdrop.className = 'offcanvas-backdrop fade show';
    const panel = document.createElement('div');
    panel.className = 'offcanvas offcanvas-end cart-offcanvas show'; panel.setAttribute('tabindex', '-1');
    panel.innerHTML = html; body.appendChild(backdrop); body.appendChild(panel); body.classList.add('no-scroll');
    backdrop.addEventListener('click', closeOffcanvas);
    panel.querySelectorAll('.js-offcanvas-close').forEach(b => b.addEventListener('click', closeOffcanvas));
  }
  async function refreshCartWidget() {
    const html = await (await fetch('/widgets/checkout/info', {headers: {'X-Requested-With': 'XMLHttpRequest'}})).text();
    document.querySelectorAll('[data-cart-widget]').forEach(el => { el.innerHTML = html; });
  }
  // AddToCartPlugin + OffCanvasCartPlugin: post the buy form, show the answer in the off-canvas cart
  document.querySelectorAll('form[data-add-to-cart]').forEach(form => form.addEventListener('submit', async e => {
    e.preventDefault();
    const data = new URLSearchParams(new FormData(form));
    data.set('redirectTo', 'frontend.cart.offcanvas');
    const res = await fetch(form.action, {method: 'POST', body: data,
      headers: {'X-Requested-With': 'XMLHttpRequest', 'Content-Type': 'application/x-www-form-urlencoded'}});
    openOffcanvas(await res.text());
    refreshCartWidget();
  }));
  document.querySelectorAll('[data-off-canvas-cart] a').forEach(a => a.addEventListener('click', async e => {
    e.preventDefault();
    openOffcanvas(await (await fetch('/checkout/offcanvas', {headers: {'X-Requested-With': 'XMLHttpRequest'}})).text());
  }));
  // VariantSwitchPlugin: ask the server for the chosen variant's URL and go there
  document.querySelectorAll('form[data-variant-switch]').forEach(form => {
    const options = JSON.parse(form.dataset.variantSwitchOptions);
    form.addEventListener('change', async e => {
      const chosen = {};
      form.querySelectorAll('input[type=radio]:checked, select').forEach(i => { chosen[i.name] = i.value; });
      const query = new URLSearchParams({options: JSON.stringify(chosen), switched: e.target.name});
      const answer = await (await fetch(options.url + '?' + query, {headers: {'X-Requested-With': 'XMLHttpRequest'}})).json();
      if (answer.url) window.location.replace(answer.url);
    });
  });
  // FormFieldTogglePlugin: the guest checkbox hides (and un-requires) the password fields
  document.querySelectorAll('[data-form-field-toggle]').forEach(box => {
    const targets = () => document.querySelectorAll(box.dataset.formFieldToggleTarget);
    const apply = () => {
      const hide = String(box.checked) === box.dataset.formFieldToggleValue;
      targets().forEach(t => { t.classList.toggle('d-none', hide);
        t.querySelectorAll('input').forEach(i => { i.disabled = hide; if (hide) i.removeAttribute('required'); else i.setAttribute('required', 'required'); }); });
    };
    box.addEventListener('change', apply); apply();
  });
  // collapse toggles (the "already a customer?" login) and the account dropdown
  document.querySelectorAll('[data-bs-toggle=collapse]').forEach(a => a.addEventListener('click', e => {
    e.preventDefault(); const t = document.querySelector(a.getAttribute('href')); t.classList.toggle('show');
    a.setAttribute('aria-expanded', String(t.classList.contains('show'))); }));
  document.querySelectorAll('[data-bs-toggle=dropdown]').forEach(b => b.addEventListener('click', () => {
    const m = b.parentElement.querySelector('.dropdown-menu'); m.classList.toggle('show'); b.setAttribute('aria-expanded', String(m.classList.contains('show'))); }));
  // FormAutoSubmitPlugin: payment and shipping choices are saved at once
  document.querySelectorAll('form[data-form-auto-submit]').forEach(f => f.addEventListener('change', () => f.submit()));
})();
"""

_SEARCH_ICON = ("<svg xmlns='http://www.w3.org/2000/svg' width='24' height='24' viewBox='0 0 24 24' aria-hidden='true'>"
                "<path d='M10 2a8 8 0 1 0 4.9 14.3l5.4 5.4 1.4-1.4-5.4-5.4A8 8 0 0 0 10 2z'/></svg>")
_CART_ICON = ("<svg xmlns='http://www.w3.org/2000/svg' width='24' height='24' viewBox='0 0 24 24' aria-hidden='true'>"
              "<path d='M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4zM1 2v2h2l3.6 7.6L5.2 14A2 2 0 0 0 7 17h12v-2H7l1.1-2h7.4a2 2 0 0 0 1.8-1L21 4H5.2z'/></svg>")
_AVATAR_ICON = ("<svg xmlns='http://www.w3.org/2000/svg' width='24' height='24' viewBox='0 0 24 24' aria-hidden='true'>"
                "<circle cx='12' cy='8' r='4'/><path d='M4 20a8 8 0 0 1 16 0z'/></svg>")


class ShopwareShop:
    """Shopware 6 storefront in one language: `ShopwareShop("de")` is a German shop selling to Germany."""

    languages: ClassVar[tuple[str, ...]] = tuple(MARKET)

    def __init__(self, lang: str) -> None:
        if lang not in MARKET:
            raise ValueError(f"no Shopware catalogue here for {lang!r}; known: {', '.join(MARKET)}")
        self.lang = lang
        self.locale, self.country = MARKET[lang]
        self.t = SNIPPETS[lang]
        self.orders = 0
        self.registrations: list[dict[str, str]] = []
        self.alerts: list[str] = []
        self.newsletter: list[str] = []
        self.messages: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self.contact_path = f"/{_slug(self.t['contact.headline'])}/"
        a = self.app = App()
        a.add("/", self.home)
        a.add("/theme/storefront.css", lambda r: Response(_CSS, content_type="text/css"))
        a.add("/theme/storefront.js", lambda r: Response(_JS, content_type="text/javascript"))
        a.add("/sitemap.xml", self.sitemap)
        a.add("/search", self.search)
        a.add("/detail/(?P<pid>[a-f0-9]{32})/switch", self.switch)
        a.add("/checkout/line-item/add", self.line_item_add, methods=("POST",))
        a.add("/checkout/offcanvas", lambda r: Response(self.offcanvas_html(r)))
        a.add("/widgets/checkout/info", lambda r: Response(self.cart_widget_inner(r)))
        a.add("/checkout/cart", self.cart_page)
        a.add("/checkout/confirm", self.confirm)
        a.add("/checkout/register", self.register_page)
        a.add("/account/register", self.register, methods=("POST",))
        a.add("/account/login", self.login, methods=("GET", "POST"))
        a.add("/checkout/configure", self.configure, methods=("POST",))
        a.add("/checkout/order", self.order, methods=("GET", "POST"))
        a.add("/form/contact", self.contact_send, methods=("POST",))
        a.add("/form/newsletter", self.newsletter_send, methods=("POST",))
        a.add("/widgets/product-subscription/(?P<pid>[a-f0-9]{32})", self.alert_send, methods=("POST",))
        a.add(re.escape(self.contact_path), self.contact_page)
        a.add("/(?P<slug>[A-Za-z0-9-]+)/(?P<number>SW\\d{5}(?:\\.\\d+)?)", self.product_page)

    # ------------------------------------------------------------------ catalogue
    def name(self, number: str) -> str:
        return str(PRODUCTS[number.split(".")[0]]["names"][self.lang])

    def variant_number(self, number: str, size: str) -> str:
        return f"{number}.{PRODUCTS[number]['sizes'].index(size) + 1}"

    def buyable_numbers(self) -> list[str]:
        """Every orderable product number: the variants of a product with sizes, else the product."""
        out: list[str] = []
        for number, p in PRODUCTS.items():
            out += [self.variant_number(number, s) for s in p["sizes"]] if "sizes" in p else [number]
        return out

    def url_of(self, number: str) -> str:
        base = number.split(".")[0]
        p = PRODUCTS[base]
        if "sizes" in p and "." not in number:
            number = self.variant_number(base, p["main"])
        return f"/{_slug(self.name(base))}/{number}"

    def money(self, cents: int) -> str:
        amount = f"{cents // 100},{cents % 100:02d}"
        return f"€ {amount}*" if self.lang == "nl" else f"{amount} €*"

    def cart(self, r: Request) -> dict[str, int]:
        cart: dict[str, int] = r.session.setdefault("sw_cart", {})
        return cart

    def cart_total(self, r: Request) -> int:
        return sum(PRODUCTS[n.split(".")[0]]["price"] * q for n, q in self.cart(r).items())

    def item_label(self, number: str) -> str:
        base = number.split(".")[0]
        if "." in number:
            p = PRODUCTS[base]
            size = p["sizes"][int(number.split(".")[1]) - 1]
            return f"{self.name(base)} ({p['group'][self.lang]}: {size})"
        return self.name(base)

    # ------------------------------------------------------------------ layout
    def cart_widget_inner(self, r: Request) -> str:
        return (f"<span class='header-cart-icon'>{_CART_ICON}</span>"
                f"<span class='header-cart-total'>{escape(self.money(self.cart_total(r)))}</span>")

    def header(self, r: Request) -> str:
        t = self.t
        return (
            "<header class='header-main'><div class='container'><div class='row align-items-center header-row'>"
            f"<div class='col-12 col-lg-auto header-logo-col'><div class='header-logo-main'><a class='header-logo-main-link' "
            f"href='/' title='{escape(t['header.logoLink'])}'>{BRAND}</a></div></div>"
            "<div class='col-12 order-2 col-sm order-sm-1 header-search-col'><div class='collapse show' id='searchCollapse'>"
            "<div class='header-search'><form action='/search' method='get' data-search-widget='true' "
            "data-url='/suggest?search=' class='header-search-form'><div class='input-group'>"
            f"<input type='search' name='search' class='form-control header-search-input' autocomplete='off' autocapitalize='off' "
            f"placeholder='{escape(t['header.searchPlaceholder'])}' aria-label='{escape(t['header.searchPlaceholder'])}' value=''>"
            f"<button type='submit' class='btn header-search-btn' aria-label='{escape(t['header.searchButton'])}'>"
            f"<span class='header-search-icon'>{_SEARCH_ICON}</span></button></div></form></div></div></div>"
            "<div class='col-12 order-1 col-sm-auto order-sm-2 header-actions-col'><div class='row g-0'>"
            "<div class='col-auto'><div class='account-menu'><div class='dropdown'>"
            f"<button class='btn account-menu-btn header-actions-btn' type='button' id='accountWidget' data-bs-toggle='dropdown' "
            f"aria-haspopup='true' aria-expanded='false' aria-label='{escape(t['account.myAccount'])}' "
            f"title='{escape(t['account.myAccount'])}'>{_AVATAR_ICON}</button>"
            "<div class='dropdown-menu dropdown-menu-end account-menu-dropdown js-account-menu-dropdown' aria-labelledby='accountWidget'>"
            "<div class='account-menu-login'><a href='/account/login' "
            f"class='btn btn-primary account-menu-login-button'>{escape(t['account.loginSubmit'])}</a></div></div></div></div></div>"
            "<div class='col-auto'><div class='header-cart' data-off-canvas-cart='true'>"
            f"<a class='btn header-cart-btn header-actions-btn' href='/checkout/cart' data-cart-widget='true' "
            f"title='{escape(t['checkout.cartTitle'])}' aria-label='{escape(t['checkout.cartTitle'])}'>"
            f"{self.cart_widget_inner(r)}</a></div></div>"
            "</div></div></div></div></header>")

    def footer(self) -> str:
        t = self.t
        contact_link = (f"<a data-ajax-modal='true' data-url='{self.contact_path}' href='{self.contact_path}' "
                        f"title='{escape(t['contact.headline'])}'>")
        service_text = re.sub(r"<a\b[^>]*>", contact_link, t["footer.serviceContactText"])
        return (
            "<footer class='footer-main'><div class='container'><div class='footer-columns'>"
            f"<div class='footer-column'><div class='footer-column-headline'>{escape(t['footer.shopServiceHeadline'])}</div>"
            f"<ul class='list-unstyled footer-service-menu-list'><li class='footer-service-menu-item'>"
            f"<a class='footer-service-menu-link' href='{self.contact_path}' title='{escape(t['contact.headline'])}'>"
            f"{escape(t['contact.headline'])}</a></li></ul><p class='footer-contact-form'>{service_text}</p></div>"
            f"<div class='footer-column'><div class='footer-column-headline'>{escape(t['footer.informationHeadline'])}</div>"
            "<ul class='list-unstyled'><li><a href='/'>" + escape(t['general.homeLink']) + "</a></li></ul></div>"
            f"<div class='footer-column footer-newsletter'><div class='footer-column-headline'>{escape(t['footer.newsletterHeadline'])}</div>"
            f"<p>{escape(t['footer.newsletter'])}</p>"
            "<form action='/form/newsletter' method='post' class='footer-newsletter-form' data-form-cms-handler='true'>"
            "<input type='hidden' name='option' value='subscribe'>"
            f"<label class='form-label' for='footerNewsletterMail'>{escape(t['footer.newsletterInput'])}{t['general.required']}</label>"
            "<div class='input-group'><input type='email' name='email' id='footerNewsletterMail' class='form-control' required='required'>"
            f"<button type='submit' class='btn btn-primary'>{escape(t['newsletter.formSubmit'])}</button></div></form></div>"
            "</div></div></footer>")

    def page(self, r: Request, title: str, main: str, minimal: bool = False, status: int = 200) -> Response:
        header = (f"<header class='header-minimal'><div class='container'><a class='header-minimal-home-link' href='/' "
                  f"title='{escape(self.t['header.logoLink'])}'>{BRAND}</a></div></header>") if minimal else self.header(r)
        body = (f"<!DOCTYPE html><html lang='{self.locale}' itemscope='itemscope' itemtype='https://schema.org/WebPage'><head>"
                f"<meta charset='utf-8'><meta name='viewport' content='width=device-width, initial-scale=1'>"
                f"<title>{escape(title)} | {BRAND}</title><link rel='stylesheet' href='/theme/storefront.css'></head>"
                f"<body class='is-ctl-{'checkout' if minimal else 'navigation'}'>{header}"
                f"<main class='content-main'><div class='container'>{main}</div></main>"
                f"{'' if minimal else self.footer()}<script src='/theme/storefront.js' defer></script></body></html>")
        return Response(body, status=status)

    def box(self, number: str) -> str:
        """component/product/card/box-standard.html.twig: a simple product gets a buy form, a variant product 'Details'."""
        p = PRODUCTS[number]
        url = self.url_of(number)
        name = escape(self.name(number))
        if p["available"] and "sizes" not in p:
            pid = _id(number)
            action = (f"<form action='/checkout/line-item/add' method='post' class='buy-widget' data-add-to-cart='true'>"
                      f"{self.line_item_inputs(pid, 'frontend.detail.page')}<div class='d-grid'>"
                      f"<button class='btn btn-buy' title='{escape(self.t['listing.boxAddProduct'])}'>"
                      f"{escape(self.t['listing.boxAddProduct'])}</button></div></form>")
        else:
            action = (f"<div class='d-grid'><a href='{url}' class='btn btn-light btn-detail' title='{name}'>"
                      f"{escape(self.t['listing.boxProductDetails'])}</a></div>")
        return (f"<div class='cms-listing-col'><div class='card product-box box-standard'><div class='card-body'>"
                f"<div class='product-image-wrapper'><a href='{url}' title='{name}' class='product-image-link is-standard'></a></div>"
                f"<div class='product-info'><a href='{url}' class='product-name' title='{name}'>{name}</a>"
                f"<div class='product-price-info'><span class='product-price'>{escape(self.money(p['price']))}</span></div>"
                f"<div class='product-action'>{action}</div></div></div></div></div>")

    def line_item_inputs(self, pid: str, redirect: str) -> str:
        return (f"<input type='hidden' name='redirectTo' value='{redirect}'>"
                f"<input type='hidden' name='redirectParameters' data-redirect-parameters='true' value='{escape(json.dumps({'productId': pid}))}'>"
                f"<input type='hidden' name='lineItems[{pid}][id]' value='{pid}'>"
                f"<input type='hidden' name='lineItems[{pid}][type]' value='product'>"
                f"<input type='hidden' name='lineItems[{pid}][referencedId]' value='{pid}'>"
                f"<input type='hidden' name='lineItems[{pid}][stackable]' value='1'>"
                f"<input type='hidden' name='lineItems[{pid}][removable]' value='1'>")

    # ------------------------------------------------------------------ storefront pages
    def home(self, r: Request) -> Response:
        boxes = "".join(self.box(n) for n in PRODUCTS)
        return self.page(r, BRAND, f"<div class='cms-page'><div class='cms-section'><div class='cms-block'>"
                                   f"<div class='cms-element-product-listing'><div class='row cms-listing-row js-listing-wrapper'>"
                                   f"{boxes}</div></div></div></div></div>")

    def sitemap(self, r: Request) -> Response:
        host = r.headers.get("host", "127.0.0.1")
        urls = ["/", *(self.url_of(n) for n in PRODUCTS), self.contact_path]
        locs = "".join(f"<url><loc>http://{host}{quote(u)}</loc></url>" for u in urls)
        return Response(f"<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{locs}"
                        "</urlset>", content_type="application/xml")

    def product_page(self, r: Request) -> Response:
        number = r.params["number"]
        base = number.split(".")[0]
        p = PRODUCTS.get(base)
        if p is None or ("sizes" in p) != ("." in number) or ("." in number and int(number.split(".")[1]) > len(p["sizes"])):
            return self.page(r, "404", "<h1>404</h1>", status=404)
        if r.params["slug"] != _slug(self.name(base)):
            return Response.redirect(self.url_of(number), 301)
        t = self.t
        pid = _id(number)
        name = escape(self.name(base))
        configurator = ""
        if "sizes" in p:
            group_id = _id(base + "-size")
            current = p["sizes"][int(number.split(".")[1]) - 1]
            options = "".join(
                f"<div class='product-detail-configurator-option'><input type='radio' name='{group_id}' value='{_id(base + s)}' "
                f"class='product-detail-configurator-option-input is-combinable' title='{group_id}-{_id(base + s)}' "
                f"id='{group_id}-{_id(base + s)}'{' checked=checked' if s == current else ''}>"
                f"<label class='product-detail-configurator-option-label is-combinable is-display-text' title='{s}' "
                f"for='{group_id}-{_id(base + s)}'>{s}</label></div>" for s in p["sizes"])
            switch = json.dumps({"url": f"/detail/{_id(base)}/switch", "pageType": "product_detail"})
            configurator = (f"<div class='product-detail-configurator-container'><div class='product-detail-configurator'>"
                            f"<form data-variant-switch='true' data-variant-switch-options='{escape(switch)}'>"
                            f"<div class='product-detail-configurator-group'><div class='product-detail-configurator-group-title'>"
                            f"{escape(p['group'][self.lang])}</div><div class='product-detail-configurator-options'>{options}</div>"
                            "</div></form></div></div>")
        if p["available"]:
            delivery = (f"<link itemprop='availability' href='https://schema.org/InStock'><p class='delivery-information'>"
                        f"<span class='delivery-status-indicator bg-success'></span>"
                        f"{escape(_ask(t['detail.deliveryTimeAvailable'], name='1-3 ' + ('Tage' if self.lang == 'de' else 'd')))}</p>")
            buy = (f"<form id='productDetailPageBuyProductForm' action='/checkout/line-item/add' method='post' class='buy-widget' "
                   f"data-add-to-cart='true'><div class='row g-2 buy-widget-container'><div class='col-4'>"
                   f"<label for='product-detail-quantity-group-{pid}' class='form-label visually-hidden'>"
                   f"{escape(t['component.product.quantitySelect.label'])}</label>"
                   f"<div id='product-detail-quantity-group-{pid}' class='input-group product-detail-quantity-group'>"
                   f"<input type='number' name='lineItems[{pid}][quantity]' class='form-control js-quantity-selector' min='1' max='100' "
                   f"step='1' value='1' aria-label='{escape(t['component.product.quantitySelect.label'])}'></div></div>"
                   f"{self.line_item_inputs(pid, 'frontend.detail.page')}"
                   f"<input type='hidden' name='product-name' value='{name}'><div class='col-8'><div class='d-grid'>"
                   f"<button class='btn btn-primary btn-buy' title='{escape(t['detail.addProduct'])}' "
                   f"aria-label='{escape(t['detail.addProduct'])}'>{escape(t['detail.addProduct'])}</button></div></div></div></form>")
        else:
            delivery = (f"<link itemprop='availability' href='https://schema.org/OutOfStock'><p class='delivery-information delivery-soldout'>"
                        f"<span class='delivery-status-indicator bg-danger'></span>{escape(t['detail.soldOut'])}</p>")
            n = NOTIFY_ME[self.lang]
            buy = (f"<form class='product-detail-subscription' action='/widgets/product-subscription/{pid}' method='post'>"
                   f"<p>{escape(n['You can get an email alert when this product is back in stock.'])}</p>"
                   f"<div class='input-group'><label class='visually-hidden' for='subscriptionMail'>{escape(t['footer.newsletterInput'])}</label>"
                   f"<input type='email' name='email' id='subscriptionMail' class='form-control' required='required' "
                   f"placeholder='{escape(t['footer.newsletterInput'])}'>"
                   f"<button type='submit' class='btn btn-primary'>{escape(n['Notify me'])}</button></div></form>")
        main = (f"<div class='product-detail' itemscope itemtype='https://schema.org/Product'><div class='product-detail-content'>"
                f"<div class='row product-detail-main'><div class='product-detail-media'></div><div class='product-detail-buy'>"
                f"<div class='product-detail-headline'><h1 class='product-detail-name' itemprop='name'>{name}</h1></div>"
                f"<div itemprop='offers' itemscope itemtype='https://schema.org/Offer'><meta itemprop='priceCurrency' content='EUR'>"
                f"<meta itemprop='price' content='{p['price'] / 100:.2f}'><p class='product-detail-price'>{escape(self.money(p['price']))}</p>"
                f"<div class='product-detail-delivery-information'>{delivery}</div></div>{configurator}{buy}"
                f"<div class='product-detail-ordernumber-container'><span class='product-detail-ordernumber-label'>"
                f"{escape(t['detail.productNumberLabel'])}</span> <span class='product-detail-ordernumber' itemprop='sku'>{number}</span>"
                "</div></div></div></div></div>")
        return self.page(r, self.name(base), main)

    def switch(self, r: Request) -> Response:
        """frontend.detail.switch: the chosen options -> the variant's URL."""
        try:
            chosen = set(json.loads(r.arg("options") or "{}").values())
        except ValueError:
            chosen = set()
        for number, p in PRODUCTS.items():
            if _id(number) == r.params["pid"] and "sizes" in p:
                for s in p["sizes"]:
                    if _id(number + s) in chosen:
                        variant = self.variant_number(number, s)
                        return Response.json(json.dumps({"url": self.url_of(variant), "productId": _id(variant)}))
        return Response.json(json.dumps({"url": "", "productId": ""}), status=404)

    def search(self, r: Request) -> Response:
        term = r.arg("search").strip()
        words = [w for w in re.findall(r"\w+", term.casefold()) if len(w) > 2]
        hits = [n for n in PRODUCTS if words and all(w in self.name(n).casefold() for w in words)]
        headline = _ask(_plural(self.t["search.headline"], len(hits)), searchTerm=escape(term), count=str(len(hits)))
        listing = ("".join(self.box(n) for n in hits) if hits else
                   f"<div role='alert' class='alert alert-info'><div class='alert-content'>"
                   f"{escape(self.t['listing.emptyResultMessage'])}</div></div>")
        return self.page(r, self.t["search.metaTitle"], f"<div class='cms-page search-page'><h1 class='search-headline'>{headline}</h1>"
                                                        f"<div class='cms-element-product-listing'><div class='row cms-listing-row'>"
                                                        f"{listing}</div></div></div>")

    def contact_page(self, r: Request) -> Response:
        t = self.t
        req = t["general.required"]

        def field(name: str, text: str, kind: str = "text", required: bool = True, auto: str = "") -> str:
            blank = _ask(t["error.VIOLATION::IS_BLANK_ERROR"], field=text)
            return (f"<div class='form-group col-md-6'><label class='form-label' for='form-{name}'>{escape(text)}{req if required else ''}"
                    f"</label><input type='{kind}' name='{name}' id='form-{name}' class='form-control'"
                    f"{' required=required data-form-validation-required-message=' + repr(escape(blank)) if required else ''}"
                    f"{' autocomplete=' + repr(auto) if auto else ''}></div>")

        form = (f"<form action='/form/contact' method='post' data-form-cms-handler='true' data-form-validation='true'>"
                f"<div class='cms-element-title'><p class='cms-element-title-paragraph'>{escape(t['contact.headline'])}</p></div>"
                f"<div class='form-content'><div class='row g-2'>"
                + field("firstName", t["account.personalFirstNameLabel"], auto="given-name")
                + field("lastName", t["account.personalLastNameLabel"], auto="family-name") + "</div><div class='row g-2'>"
                + field("email", t["account.personalMailLabel"], "email", auto="email")
                + field("phone", t["address.phoneNumberLabel"], "tel", required=False, auto="tel") + "</div><div class='row g-2'>"
                + field("subject", t["contact.subjectLabel"]) + "</div><div class='row g-2'><div class='form-group col-12'>"
                f"<label class='form-label' for='form-comment'>{escape(t['contact.commentLabel'])}{req}</label>"
                f"<textarea name='comment' id='form-comment' class='form-control' rows='6' required='required'></textarea></div></div>"
                f"<div class='form-submit'><button type='submit' class='btn btn-primary'>{escape(t['contact.formSubmit'])}</button></div>"
                "<div class='form-hidden-fields'><input type='hidden' name='navigationId' value='" + _id("contact") + "'>"
                "<input type='hidden' name='entityName' value='category'></div></div></form>")
        main = (f"<div class='cms-page'><div class='cms-section'><div class='cms-block cms-block-text'><div class='cms-element-text'>"
                f"<h1>{escape(t['contact.headline'])}</h1><p>{escape(t['contact.info'])}</p>"
                f"<p><a href='mailto:{CONTACT_EMAIL}'>{CONTACT_EMAIL}</a></p></div></div>"
                f"<div class='cms-block cms-block-form'><div class='cms-element-form'>{form}</div></div></div></div>")
        return self.page(r, t["contact.headline"], main)

    def contact_send(self, r: Request) -> Response:
        with self._lock:
            self.messages.append({k: v[0] for k, v in r.form.items()})
        return self.page(r, self.t["contact.headline"],
                         f"<div role='alert' class='alert alert-success'>{escape(self.t['contact.success'])}</div>")

    def newsletter_send(self, r: Request) -> Response:
        with self._lock:
            self.newsletter.append(r.field("email"))
        return self.page(r, self.t["footer.newsletterHeadline"], f"<div role='alert' class='alert alert-success'>"
                                                                 f"{escape(self.t['newsletter.subscriptionPersistedSuccess'])}</div>")

    def alert_send(self, r: Request) -> Response:
        with self._lock:
            self.alerts.append(r.field("email"))
        return Response.redirect(r.headers.get("referer") or "/", 302)

    # ------------------------------------------------------------------ cart
    def line_item_add(self, r: Request) -> Response:
        added = 0
        for key in r.form:
            m = re.fullmatch(r"lineItems\[([a-f0-9]{32})\]\[id\]", key)
            if not m:
                continue
            number = next((n for n in self.buyable_numbers() if _id(n) == m.group(1)), None)
            if number is None or not PRODUCTS[number.split(".")[0]]["available"]:
                continue
            qty = max(1, int(r.field(f"lineItems[{m.group(1)}][quantity]", "1") or 1))
            cart = self.cart(r)
            cart[number] = cart.get(number, 0) + qty
            added += qty
        if r.field("redirectTo") == "frontend.cart.offcanvas":
            return Response(self.offcanvas_html(r, added))
        return Response.redirect(r.headers.get("referer") or "/checkout/cart", 302)

    def line_items(self, r: Request) -> str:
        return "".join(
            f"<div class='line-item line-item-product' role='listitem'><div class='line-item-info'>"
            f"<span class='line-item-label'>{escape(self.item_label(n))}</span></div>"
            f"<div class='line-item-quantity'>{q}</div><div class='line-item-total-price'>"
            f"{escape(self.money(PRODUCTS[n.split('.')[0]]['price'] * q))}</div></div>" for n, q in self.cart(r).items())

    def summary(self, r: Request) -> str:
        t = self.t
        sub = self.cart_total(r)
        ship = SHIPPING_METHODS[0][2]
        return (f"<div class='checkout-aside-summary'><div class='card checkout-aside-summary-container'><div class='card-title'>"
                f"{escape(t['checkout.summaryHeader'])}</div><dl class='row checkout-aside-summary-list'>"
                f"<dt class='checkout-aside-summary-label'>{escape(t['checkout.summaryPositionPrice'])}</dt>"
                f"<dd class='checkout-aside-summary-value'>{escape(self.money(sub))}</dd>"
                f"<dt class='checkout-aside-summary-label'>{escape(t['checkout.summaryShipping'])}</dt>"
                f"<dd class='checkout-aside-summary-value'>{escape(self.money(ship))}</dd>"
                f"<dt class='checkout-aside-summary-label checkout-aside-summary-total'>{escape(t['checkout.summaryTotalPrice'])}</dt>"
                f"<dd class='checkout-aside-summary-value checkout-aside-summary-total'>{escape(self.money(sub + ship))}</dd>"
                "</dl></div></div>")

    def offcanvas_html(self, r: Request, added: int = 0) -> str:
        t = self.t
        items = self.cart(r)
        flash = (f"<div role='alert' class='alert alert-success alert-has-icon'><div class='alert-content-container'>"
                 f"{escape(_plural(t['checkout.addToCartSuccess'], added).replace('%count%', str(added)))}</div></div>") if added else ""
        if items:
            content = (f"<div class='offcanvas-cart-items' role='list'>{self.line_items(r)}</div>"
                       f"<div class='offcanvas-summary'><dl class='row offcanvas-summary-list'><dt>{escape(t['checkout.summaryPositionPrice'])}</dt>"
                       f"<dd>{escape(self.money(self.cart_total(r)))}</dd></dl></div>")
        else:
            content = f"<div role='alert' class='alert alert-info'>{escape(t['checkout.cartEmpty'])}</div>"
        disabled = "" if items else " btn-light disabled"
        return (f"<div class='offcanvas-header p-0'><button class='btn btn-light offcanvas-close js-offcanvas-close'>"
                f"{escape(t['checkout.continueShopping'])}</button></div><div class='offcanvas-body'><div class='offcanvas-cart'>"
                f"<div class='row align-items-center h4 offcanvas-cart-header'><div class='col'>{escape(t['checkout.cartHeader'])}</div></div>"
                f"<div class='flashbags'>{flash}</div>{content}<div class='offcanvas-cart-actions'><div class='d-grid'>"
                f"<a href='/checkout/confirm' class='btn begin-checkout-btn{' btn-primary' if items else disabled}' "
                f"title='{escape(t['checkout.proceedToCheckout'])}'>{escape(t['checkout.proceedToCheckout'])}</a></div>"
                f"<div class='d-grid'><a href='/checkout/cart' class='btn btn-link' title='{escape(t['checkout.proceedToCart'])}'>"
                f"{escape(t['checkout.proceedToCart'])}</a></div></div></div></div>")

    def cart_page(self, r: Request) -> Response:
        t = self.t
        if not self.cart(r):
            return self.page(r, t["checkout.cartHeader"], f"<div class='checkout'><h1 class='cart-main-header'>{escape(t['checkout.cartHeader'])}</h1>"
                                                           f"<div role='alert' class='alert alert-info'>{escape(t['checkout.cartEmpty'])}</div></div>")
        main = (f"<div class='checkout'><div class='checkout-container'><div class='checkout-main'><div class='cart-main'>"
                f"<h1 class='cart-main-header'>{escape(t['checkout.cartHeader'])}</h1><div class='card checkout-product-table'>"
                f"{self.line_items(r)}</div></div><div class='checkout-aside'>{self.summary(r)}<div class='checkout-aside-action d-grid'>"
                f"<a href='/checkout/confirm' class='btn btn-primary btn-lg begin-checkout-btn' "
                f"title='{escape(t['checkout.proceedToCheckout'])}'>{escape(t['checkout.proceedToCheckout'])}</a></div></div></div></div></div>")
        return self.page(r, t["checkout.cartHeader"], main)

    # ------------------------------------------------------------------ checkout
    def confirm(self, r: Request) -> Response:
        if not self.cart(r):
            return Response.redirect("/checkout/cart", 302)
        if not r.session.get("sw_customer"):
            return Response.redirect("/checkout/register", 302)
        return self.confirm_page(r)

    def register_page(self, r: Request, values: dict[str, str] | None = None, errors: dict[str, str] | None = None) -> Response:
        if not self.cart(r):
            return Response.redirect("/checkout/cart", 302)
        t = self.t
        values = values or {}
        errors = errors or {}
        req = t["general.required"]

        def text(name: str, label_key: str, kind: str = "text", auto: str = "", required: bool = True, toggle: bool = False,
                 hint: str = "") -> str:
            shown = t[label_key]
            bad = name in errors
            length_rule = (f" data-form-validation-length='{PASSWORD_MIN_LENGTH}' data-form-validation-length-message='{escape(hint)}'"
                           if kind == "password" else "")  # Shopware's own JS rule, not HTML minlength
            blank = _ask(t["error.VIOLATION::IS_BLANK_ERROR"], field=shown)
            control = (f"<label class='form-label' for='{self._fid(name)}'>{escape(shown)}{req if required else ''}</label>"
                       f"<input type='{kind}' class='form-control{' is-invalid' if bad else ''}' id='{self._fid(name)}' "
                       f"name='{name}' value='{escape(values.get(name, ''))}'"
                       f"{' autocomplete=' + repr(auto) if auto else ''}"
                       f"{length_rule}"
                       f"{' data-form-validation-required required=required data-form-validation-required-message=' + repr(escape(blank)) if required else ''}>"
                       + (f"<small class='form-text js-validation-message'>{escape(hint)}</small>" if hint else "")
                       + (f"<div class='invalid-feedback'>{escape(errors[name])}</div>" if bad else ""))
            inner = f"<div class='form-group col-sm-6'>{control}</div>"
            return f"<span class='js-form-field-toggle-guest-mode'>{inner}</span>" if toggle else inner

        chosen = values.get("billingAddress[countryId]", self.country)
        countries = COUNTRY_NAMES[self.lang]
        options = (f"<option disabled='disabled' value=''>{escape(t['address.countryPlaceholder'])}</option>" + "".join(
            f"<option value='{code}'{' selected=selected' if code == chosen else ''}>{escape(name)}</option>"
            for code, name in sorted(countries.items(), key=lambda kv: (kv[0] != self.country, kv[1]))))
        country_bad = "billingAddress[countryId]" in errors
        login = (f"<div class='register-login-collapse-toogle mb-3'>{_AVATAR_ICON}<a href='#loginCollapse' class='login-collapse-toggle' "
                 f"data-bs-toggle='collapse' aria-expanded='false'><strong>{escape(t['checkout.addressLoginToggle'])}</strong></a></div>"
                 f"<div class='collapse' id='loginCollapse'><div class='card login-card'><div class='card-body'>"
                 f"<h2 class='card-title'>{escape(t['account.loginHeader'])}</h2>"
                 f"<form class='login-form' action='/account/login' method='post' data-form-validation='true'>"
                 f"<input type='hidden' name='redirectTo' value='frontend.checkout.confirm.page'><div class='row g-2'>"
                 f"<div class='form-group col-sm-6'><label class='form-label' for='loginMail'>{escape(t['account.loginMailLabel'])}</label>"
                 f"<input type='email' class='form-control' id='loginMail' name='username' autocomplete='username'></div>"
                 f"<div class='form-group col-sm-6'><label class='form-label' for='loginPassword'>{escape(t['account.loginPasswordLabel'])}</label>"
                 f"<input type='password' class='form-control' id='loginPassword' name='password' autocomplete='current-password'></div></div>"
                 f"<div class='login-submit'><button type='submit' class='btn btn-primary'>{escape(t['account.loginSubmit'])}</button></div>"
                 "</form></div></div></div>")
        guest_checked = " checked='checked'" if values.get("guest") else ""
        required_note = (f"<p class='register-required-info'>{escape(t['general.requiredFields'])}</p>"
                         if "general.requiredFields" in t else "")
        form = (
            f"<div class='card register-card'><div class='card-body'><h2 class='card-title'>{escape(t['checkout.addressRegisterCardTitle'])}</h2>"
            "<form action='/account/register' class='register-form' method='post' data-form-validation='true'>"
            "<input type='hidden' name='redirectTo' value='frontend.checkout.confirm.page'>"
            "<input type='hidden' name='errorRoute' value='frontend.checkout.register.page'>"
            f"<div class='form-check register-guest-control'><input type='checkbox' class='form-check-input' name='guest' value='true' "
            f"id='personalGuest'{guest_checked} data-form-field-toggle='true' data-form-field-toggle-target='.js-form-field-toggle-guest-mode' "
            f"data-form-field-toggle-value='true'><label class='custom-control-label' for='personalGuest'>"
            f"{escape(t['checkout.registerGuestmodeLabel'])}</label></div>"
            f"<fieldset class='register-personal'><legend class='register-personal-title visually-hidden'>"
            f"{escape(t['checkout.addressRegisterCardTitle'])}</legend><div class='row g-2'>"
            + text("firstName", "account.personalFirstNameLabel", auto="section-personal given-name")
            + text("lastName", "account.personalLastNameLabel", auto="section-personal family-name") + "</div><div class='row g-2'>"
            + text("email", "account.personalMailLabel", "email", auto="section-personal email")
            + text("password", "account.personalPasswordLabel", "password", auto="new-password", toggle=True,
                   hint=_ask(t["account.personalPasswordDescription"], minLength=str(PASSWORD_MIN_LENGTH)))
            + "</div></fieldset><div class='register-address'><fieldset class='register-billing'>"
            f"<legend class='card-title'>{escape(t['account.registerAddressBillingHeader'])}</legend><div class='row g-2'>"
            + text("billingAddress[street]", "address.streetLabel", auto="section-billing address-line1")
            + text("billingAddress[zipcode]", "address.zipcodeLabel", auto="section-billing postal-code")
            + text("billingAddress[city]", "address.cityLabel", auto="section-billing address-level2") + "</div>"
            "<div class='row g-2 country-and-state-form-elements' data-country-state-select='true'><div class='form-group col-md-6'>"
            f"<label class='form-label' for='billingAddressAddressCountry'>{escape(t['address.countryLabel'])}{req}</label>"
            f"<select class='country-select form-select{' is-invalid' if country_bad else ''}' id='billingAddressAddressCountry' "
            f"name='billingAddress[countryId]' required='required' autocomplete='section-billing country'>{options}</select>"
            + (f"<div class='invalid-feedback'>{escape(errors['billingAddress[countryId]'])}</div>" if country_bad else "")
            + "</div></div><div class='row g-2'>"
            + text("billingAddress[phoneNumber]", "address.phoneNumberLabel", "tel", auto="section-billing tel")
            + f"</div></fieldset></div>{required_note}<div class='register-submit d-grid'>"
            f"<button type='submit' class='btn btn-primary btn-lg'>{escape(t['account.registerSubmit'])}</button></div></form></div></div>")
        main = (f"<div class='checkout'><div class='checkout-container'><div class='checkout-main'><div class='checkout-main-content'>"
                f"<h1 class='address-main-header'>{escape(t['checkout.addressHeader'])}</h1>{login}{form}</div>"
                f"<div class='checkout-aside'><div class='checkout-aside-products'><h2 class='checkout-aside-product-header'>"
                f"{escape(t['checkout.cartHeader'])}</h2><div class='checkout-aside-product-list' role='list'>{self.line_items(r)}</div></div>"
                f"{self.summary(r)}</div></div></div></div>")
        return self.page(r, t["checkout.addressHeader"], main, minimal=True)

    @staticmethod
    def _fid(name: str) -> str:
        return "personal" + re.sub(r"[^A-Za-z]", "", name.title())

    def register(self, r: Request) -> Response:
        t = self.t
        values = {k: v[0] for k, v in r.form.items()}
        with self._lock:
            self.registrations.append(dict(values))
        guest = values.get("guest") in ("true", "1", "on")
        required = ["firstName", "lastName", "email", "billingAddress[street]", "billingAddress[zipcode]",
                    "billingAddress[city]", "billingAddress[countryId]", "billingAddress[phoneNumber]"]
        if not guest:
            required.append("password")
        errors = {name: _ask(t["error.VIOLATION::IS_BLANK_ERROR"], field="") for name in required if not values.get(name, "").strip()}
        if not guest and values.get("password") and len(values["password"]) < PASSWORD_MIN_LENGTH:
            errors["password"] = t["error.VIOLATION::TOO_SHORT_ERROR"]
        country = values.get("billingAddress[countryId]", "")
        if country and country not in COUNTRY_NAMES[self.lang]:
            errors["billingAddress[countryId]"] = t["error.VIOLATION::IS_BLANK_ERROR"]
        zipcode = values.get("billingAddress[zipcode]", "").strip().upper()
        pattern = POSTCODE_PATTERNS.get(country)
        if zipcode and pattern and not re.match(pattern, zipcode):
            errors["billingAddress[zipcode]"] = t["error.VIOLATION::ZIP_CODE_INVALID"]
        if errors:
            return self.register_page(r, values, errors)
        r.session["sw_customer"] = {**values, "guest": guest}
        return Response.redirect("/checkout/confirm", 302)

    def login(self, r: Request) -> Response:
        t = self.t
        bad = (f"<div role='alert' class='alert alert-danger'>{escape(t['account.loginBadCredentials'])}</div>"
               if r.method == "POST" else "")
        return self.page(r, t["account.loginSubmit"], (
            f"<div class='account-register'><div class='card login-card'><div class='card-body'><h1 class='card-title'>"
            f"{escape(t['account.loginHeader'])}</h1>{bad}<form class='login-form' action='/account/login' method='post'>"
            f"<label class='form-label' for='loginMail'>{escape(t['account.loginMailLabel'])}</label>"
            f"<input type='email' class='form-control' id='loginMail' name='username'>"
            f"<label class='form-label' for='loginPassword'>{escape(t['account.loginPasswordLabel'])}</label>"
            f"<input type='password' class='form-control' id='loginPassword' name='password'>"
            f"<button type='submit' class='btn btn-primary'>{escape(t['account.loginSubmit'])}</button></form></div></div></div>"))

    def configure(self, r: Request) -> Response:
        if r.field("paymentMethodId") in {k for k, _ in PAYMENT_METHODS[self.lang]}:
            r.session["sw_payment"] = r.field("paymentMethodId")
        if r.field("shippingMethodId") in {k for k, _, _ in SHIPPING_METHODS}:
            r.session["sw_shipping"] = r.field("shippingMethodId")
        return Response.redirect("/checkout/confirm", 302)

    def confirm_page(self, r: Request) -> Response:
        t = self.t
        c = r.session["sw_customer"]
        payment = r.session.get("sw_payment", PAYMENT_METHODS[self.lang][0][0])
        shipping = r.session.get("sw_shipping", SHIPPING_METHODS[0][0])
        pay = "".join(
            f"<div class='payment-method'><div class='payment-form-group form-group'><div class='form-check payment-method-radio'>"
            f"<input type='radio' id='paymentMethod{key}' name='paymentMethodId' value='{key}'{' checked=checked' if key == payment else ''} "
            f"class='form-check-input payment-method-input'><label class='form-check-label payment-method-label' for='paymentMethod{key}'>"
            f"<div class='payment-method-description'><strong>{escape(name)}</strong></div></label></div></div></div>"
            for key, name in PAYMENT_METHODS[self.lang])
        ship = "".join(
            f"<div class='shipping-method'><div class='shipping-form-group form-group'><div class='form-check shipping-method-radio'>"
            f"<input type='radio' id='shippingMethod{key}' name='shippingMethodId' value='{key}'{' checked=checked' if key == shipping else ''} "
            f"class='form-check-input shipping-method-input'><label class='form-check-label shipping-method-label' for='shippingMethod{key}'>"
            f"<div class='shipping-method-description'><strong>{escape(name)}</strong></div></label></div></div></div>"
            for key, name, _cost in SHIPPING_METHODS)
        terms = _ask(t["checkout.confirmTermsText"], url="/widgets/cms/" + _id("tos"))
        address = (f"<address>{escape(c.get('firstName', ''))} {escape(c.get('lastName', ''))}<br>{escape(c.get('billingAddress[street]', ''))}"
                   f"<br>{escape(c.get('billingAddress[zipcode]', ''))} {escape(c.get('billingAddress[city]', ''))}<br>"
                   f"{escape(COUNTRY_NAMES[self.lang].get(c.get('billingAddress[countryId]', ''), ''))}</address>")
        main = (
            f"<div class='checkout'><div class='checkout-container'><div class='checkout-main'><div class='checkout-main-content'>"
            f"<h1 class='confirm-main-header'>{escape(t['checkout.confirmHeader'])}</h1>"
            f"<div class='confirm-tos'><div class='card checkout-card'><div class='card-body'><div class='card-title'>"
            f"{escape(t['checkout.confirmTermsHeader'])}</div><div class='form-check'><input type='checkbox' class='checkout-confirm-tos-checkbox "
            f"form-check-input' required='required' id='tos' form='confirmOrderForm' name='tos'><label for='tos' class='checkout-confirm-tos-label "
            f"custom-control-label'>{terms}</label></div></div></div></div>"
            f"<div class='confirm-address'><div class='card checkout-card'><div class='card-body'>{address}</div></div></div>"
            "<div class='confirm-payment-shipping'><div class='row'><div class='col-sm-6 confirm-payment'><div class='card checkout-card'>"
            f"<div class='card-body'><div class='card-title'>{escape(t['checkout.paymentMethod'])}</div>"
            "<form id='changePaymentForm' name='changePaymentForm' action='/checkout/configure' data-form-auto-submit='true' method='post'>"
            f"<input type='hidden' name='redirectTo' value='frontend.checkout.confirm.page'><div class='payment-methods'>{pay}</div></form>"
            "</div></div></div><div class='col-sm-6 confirm-shipping'><div class='card checkout-card'><div class='card-body'>"
            f"<div class='card-title'>{escape(t['checkout.shippingMethod'])}</div>"
            "<form id='changeShippingForm' name='changeShippingForm' action='/checkout/configure' data-form-auto-submit='true' method='post'>"
            f"<input type='hidden' name='redirectTo' value='frontend.checkout.confirm.page'><div class='shipping-methods'>{ship}</div></form>"
            f"</div></div></div></div></div><div class='confirm-product'><div class='card'><div class='card-body' role='list'>{self.line_items(r)}"
            f"</div></div></div></div><div class='checkout-aside'>{self.summary(r)}<div class='checkout-aside-action'>"
            "<form id='confirmOrderForm' action='/checkout/order' data-form-preserver='true' data-form-submit-loader='true' method='post'>"
            f"<input type='text' name='hash' hidden='hidden' value='{_id(json.dumps(self.cart(r), sort_keys=True))}'><div class='d-grid'>"
            f"<button id='confirmFormSubmit' class='btn btn-primary btn-lg' form='confirmOrderForm' type='submit'>"
            f"{escape(t['checkout.confirmSubmit'])}</button></div></form></div></div></div></div></div>")
        return self.page(r, t["checkout.confirmHeader"], main, minimal=True)

    def order(self, r: Request) -> Response:
        with self._lock:
            self.orders += 1
        return self.page(r, "finish", f"<h1 class='finish-header'>{escape(_ask(self.t['checkout.finishHeader'], shop=BRAND))}</h1>",
                         minimal=True)


def expected(lang: str) -> dict[str, Any]:
    """The facts a correct audit of `ShopwareShop(lang)` reports."""
    locale, country = MARKET[lang]
    t = SNIPPETS[lang]
    return {
        "language": locale,                        # <html lang>
        "country": country,                        # preselected in the checkout's country select
        "postcode_pattern": POSTCODE_PATTERNS[country],
        "country_names": COUNTRY_NAMES[lang],
        "products": {n: PRODUCTS[n]["names"][lang] for n in PRODUCTS},
        "sold_out_product": PRODUCTS["SW10003"]["names"][lang],
        # /checkout/register (account gate + address: one page) -> /checkout/confirm (payment + shipping method + order)
        "steps_to_payment": 2,
        "step_titles": [t["checkout.addressHeader"], t["checkout.confirmHeader"]],
        "guest_checkout": "offered",               # the "do not create a customer account" checkbox
        "guest_label": t["checkout.registerGuestmodeLabel"],
        "payment_labels": [name for _key, name in PAYMENT_METHODS[lang]],
        "place_order_label": t["checkout.confirmSubmit"],
        "contact_email": CONTACT_EMAIL,
        "contact_path": f"/{_slug(t['contact.headline'])}/",
        "not_contact_forms": ["/widgets/product-subscription/", "/form/newsletter"],  # notify me, newsletter
        "search_no_results": t["listing.emptyResultMessage"],
        "postcode_error": t["error.VIOLATION::ZIP_CODE_INVALID"],
        "orders": 0,
    }


EXPECTED: dict[str, dict[str, Any]] = {lang: expected(lang) for lang in MARKET}
