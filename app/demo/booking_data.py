"""The demo cooperative's customers and events: fictitious names, real places of the Velay.

Plain data, no logic: ``app.demo.booking`` builds customers and bookings from it. Names are
French: they are data a cooperative would type, not interface text.
"""

from __future__ import annotations

#: (city, postcode): Haute-Loire first, then the rest of Auvergne and the Loire.
CITIES: tuple[tuple[str, str], ...] = (
    ("Le Puy-en-Velay", "43000"),
    ("Yssingeaux", "43200"),
    ("Brioude", "43100"),
    ("Monistrol-sur-Loire", "43120"),
    ("Sainte-Sigolène", "43600"),
    ("Aurec-sur-Loire", "43110"),
    ("Bas-en-Basset", "43210"),
    ("Dunières", "43220"),
    ("Tence", "43190"),
    ("Le Chambon-sur-Lignon", "43400"),
    ("Langeac", "43300"),
    ("Retournac", "43130"),
    ("Craponne-sur-Arzon", "43500"),
    ("La Chaise-Dieu", "43160"),
    ("Saugues", "43170"),
    ("Espaly-Saint-Marcel", "43000"),
    ("Vals-près-le-Puy", "43750"),
    ("Brives-Charensac", "43700"),
    ("Chadrac", "43770"),
    ("Polignac", "43000"),
    ("Saint-Germain-Laprade", "43700"),
    ("Allègre", "43270"),
    ("Vorey", "43800"),
    ("Saint-Didier-en-Velay", "43140"),
    ("Pradelles", "43420"),
    ("Le Monastier-sur-Gazeille", "43150"),
    ("Auzon", "43390"),
    ("Sainte-Florine", "43250"),
    ("Paulhaguet", "43230"),
    ("Blesle", "43450"),
    ("Beauzac", "43590"),
    ("Fay-sur-Lignon", "43430"),
    ("Montfaucon-en-Velay", "43290"),
    ("Solignac-sur-Loire", "43370"),
    ("Cayres", "43510"),
    ("Clermont-Ferrand", "63000"),
    ("Issoire", "63500"),
    ("Ambert", "63600"),
    ("Thiers", "63300"),
    ("Riom", "63200"),
    ("Aurillac", "15000"),
    ("Saint-Flour", "15100"),
    ("Murat", "15300"),
    ("Moulins", "03000"),
    ("Vichy", "03200"),
    ("Montluçon", "03100"),
    ("Saint-Étienne", "42000"),
    ("Firminy", "42700"),
)

STREETS = (
    "rue de la République",
    "place du Marché",
    "avenue Charles-de-Gaulle",
    "rue des Tanneurs",
    "chemin des Sucs",
    "rue Pannessac",
    "boulevard Gambetta",
    "route du Mézenc",
    "place de la Mairie",
    "rue du Faubourg",
    "impasse des Dentellières",
    "allée des Tilleuls",
)

#: Association names, completed with a city or left alone.
ASSOCIATIONS = (
    "Comité des fêtes de {city}",
    "Foyer rural de {city}",
    "Amicale laïque de {city}",
    "Harmonie de {city}",
    "MJC de {city}",
    "Association Velay Musiques",
    "Collectif Les Sucs Sonores",
    "Cie Le Fil d'Ariane",
    "Cie Théâtre du Basalte",
    "Festival Les Nuits du Meygal",
    "Festival Rock en Lignon",
    "Festival Jazz aux Estables",
    "Les Estivales du Mézenc",
    "Association Ciné-Plateau",
    "Chorale À Cœur Joie {city}",
    "Sou des écoles de {city}",
    "APE de l'école de {city}",
    "Club de danse {city}",
    "Cie Vent d'Ouest",
    "Batucada Basaltique",
)
COMPANIES = (
    "SARL Lumière & Son du Velay",
    "Auvergne Événements SAS",
    "Scènes d'Auvergne SARL",
    "Dentelle Production",
    "Loire Audiovisuel SAS",
    "SCOP Les Artisans du Spectacle",
    "Velay Congrès SARL",
    "Haute-Loire Tourisme Événements",
    "EURL Régie Nomade",
    "Studio des Gorges SARL",
)
VENUES = (
    "Théâtre municipal de {city}",
    "Salle des fêtes de {city}",
    "Espace culturel de {city}",
    "La Grange de {city}",
    "Café-concert Le Basalte",
    "Centre culturel de {city}",
    "Ciné-théâtre de {city}",
    "Auditorium de {city}",
)
COMMUNES = ("Commune de {city}", "Communauté de communes de {city}")

PERSON_ROLES = ("régisseur", "musicien", "particulier", "chargée de production", "DJ")

FESTIVALS = (
    "Festival Les Nuits du Meygal",
    "Rock en Lignon",
    "Jazz aux Estables",
    "Les Estivales du Mézenc",
    "Festival des Sucs",
    "Festival Basalte et Bitume",
    "Les Gorges en Fête",
    "Fest'Velay",
)
BANDS = (
    "Les Dentellières Électriques",
    "Trio Mézenc",
    "Basalt Blues Band",
    "La Bourrée Sauvage",
    "Orchestre d'harmonie du Velay",
    "Chœur de la Chaise",
    "Les Sucs Sonores",
    "Quartet Lignon",
    "Fanfare La Lentille",
    "DJ Verveine",
)
SCHOOL_EVENTS = (
    "Spectacle de fin d'année — école {city}",
    "Kermesse de l'école de {city}",
    "Spectacle de Noël — école {city}",
    "Comédie musicale du collège de {city}",
)
FETES = (
    "Fête patronale de {city}",
    "Fête de la musique à {city}",
    "Bal du 14 juillet — {city}",
    "Fête de la lentille",
    "Fête du Roi de l'Oiseau",
    "Vogue de {city}",
)
CONFERENCES = (
    "Assemblée générale",
    "Conseil communautaire",
    "Conférence de presse",
    "Séminaire",
    "Projection plein air",
    "Salon du livre",
)
THEATRE = (
    "Résidence de création",
    "Tournée « Les Petits Riens »",
    "Création « Basalte »",
    "Reprise « La Dentellière »",
)
PRIVATE = ("Mariage", "Anniversaire", "Soirée associative", "Repas dansant")

VENUE_PLACES = (
    "Salle polyvalente de {city}",
    "Place de la mairie, {city}",
    "Théâtre municipal de {city}",
    "Gymnase de {city}",
    "Parc municipal de {city}",
    "Salle des fêtes de {city}",
    "Église de {city}",
    "Halle de {city}",
)

BOOKING_NOTES = (
    "",
    "",
    "",
    "",
    "Livraison sur place demandée",
    "Accès par le quai arrière",
    "Prévoir un technicien au montage",
    "Retrait par le régisseur de la compagnie",
    "Devis à confirmer après le conseil d'administration",
)
