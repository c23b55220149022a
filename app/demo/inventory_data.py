"""The demo cooperative's vocabulary: real kit of the trade, fictitious people.

Plain data, no logic: ``app.demo.inventory`` builds the small catalogue from it through the
services and derives the large one (variants) from it with bulk inserts. Item names are
French: they are data a cooperative would type, not interface text.
"""

from __future__ import annotations

from dataclasses import dataclass

from inventory.models import Category

L, S, V, P = Category.LIGHTING, Category.SOUND, Category.VIDEO, Category.POWER
R, ST, C, K = Category.RIGGING, Category.STAGING, Category.CABLES, Category.CONSUMABLES


@dataclass(frozen=True)
class TypeSpec:
    """One item type. ``units`` serialized units, or a bulk type when ``stock`` is set."""

    code: str
    name: str
    category: Category
    manufacturer: str
    model: str
    value_eur: int
    weight_g: int
    units: int = 0
    stock: int = 0
    sale_cents: int = 0

    @property
    def bulk(self) -> bool:
        return self.stock > 0


def _s(
    code: str, name: str, cat: Category, mfr: str, model: str, value: int, grams: int, units: int
) -> TypeSpec:
    return TypeSpec(code, name, cat, mfr, model, value, grams, units=units)


def _b(
    code: str,
    name: str,
    cat: Category,
    mfr: str,
    model: str,
    value: int,
    grams: int,
    stock: int,
    sale_cents: int = 0,
) -> TypeSpec:
    return TypeSpec(code, name, cat, mfr, model, value, grams, stock=stock, sale_cents=sale_cents)


#: code, name, category, manufacturer, model, replacement value (EUR), weight (g), then
#: serialized units (_s) or bulk stock and, for consumables, the sale price in cents (_b).
# fmt: off
TYPES: tuple[TypeSpec, ...] = (
    # --- lighting
    _s("LYRE-T1", "Lyre découpe Robe T1 Profile", L, "Robe", "T1 Profile", 14500, 33000, 8),
    _s("LYRE-SPIIDER", "Lyre wash Robe Spiider", L, "Robe", "Spiider", 7900, 21500, 12),
    _s("LYRE-AURA-XB", "Lyre wash Martin MAC Aura XB", L, "Martin", "MAC Aura XB", 5200, 6700, 16),
    _s("LYRE-ENCORE", "Lyre découpe Martin MAC Encore Performance CLD", L, "Martin", "MAC Encore Performance CLD", 11800, 30000, 4),
    _s("LYRE-MYTHOS2", "Lyre spot Clay Paky Mythos 2", L, "Clay Paky", "Mythos 2", 9800, 23000, 6),
    _s("LYRE-DIABLO", "Lyre découpe Ayrton Diablo", L, "Ayrton", "Diablo", 8900, 22000, 6),
    _s("LYRE-MAGICBLADE", "Barre asservie Ayrton MagicBlade-R", L, "Ayrton", "MagicBlade-R", 4200, 14000, 8),
    _s("PAR-LED-QUAD", "PAR LED Chauvet COLORado 1-Quad Zoom", L, "Chauvet Professional", "COLORado 1-Quad Zoom", 1190, 6800, 24),
    _s("PAR-LED-ZENIT", "PAR LED IP65 Cameo Zenit P40", L, "Cameo", "Zenit P40", 520, 4300, 30),
    _s("PAR64-CP62", "PAR 64 long alu 1000 W", L, "Showtec", "PAR 64 Long", 95, 2400, 48),
    _s("DEC-S4-750", "Découpe ETC Source Four Zoom 25-50° 750 W", L, "ETC", "Source Four Zoom 25-50", 1350, 8200, 24),
    _s("DEC-S4-LED", "Découpe ETC Source Four LED Series 3 Lustr X8", L, "ETC", "Source Four LED Series 3 Lustr X8", 3200, 9100, 8),
    _s("DEC-RJ-614SX", "Découpe Robert Juliat 614SX 1 kW", L, "Robert Juliat", "614SX", 1700, 10500, 12),
    _s("PC-RJ-310", "PC Robert Juliat 310HPC 1 kW", L, "Robert Juliat", "310HPC", 700, 6500, 16),
    _s("FRESNEL-ARRI-650", "Fresnel Arri 650 Plus", L, "Arri", "650 Plus", 520, 3100, 8),
    _s("FRESNEL-LED-ETC", "Fresnel LED ETC ColorSource Fresnel V", L, "ETC", "ColorSource Fresnel V", 1650, 7300, 6),
    _s("CYCLIO-LED-ETC", "Cycliode LED ETC ColorSource CYC", L, "ETC", "ColorSource CYC", 1490, 7000, 8),
    _s("STROBE-ATOMIC", "Stroboscope Martin Atomic 3000 LED", L, "Martin", "Atomic 3000 LED", 2450, 8500, 4),
    _s("BROUILLARD-MDG", "Machine à brouillard MDG theONE", L, "MDG", "theONE", 3900, 21000, 2),
    _s("HAZER-LOOK", "Machine à brume Look Solutions Unique 2.1", L, "Look Solutions", "Unique 2.1", 1290, 11000, 3),
    _s("CONSOLE-GMA3", "Console lumière grandMA3 light", L, "MA Lighting", "grandMA3 light", 48500, 40000, 1),
    _s("CONSOLE-GMA3-WING", "grandMA3 onPC command wing XT", L, "MA Lighting", "grandMA3 onPC command wing XT", 9200, 15000, 1),
    _s("CONSOLE-ION-XE20", "Console lumière ETC Ion Xe 20", L, "ETC", "Ion Xe 20", 16400, 26000, 2),
    _s("CONSOLE-MQ80", "Console lumière ChamSys MagicQ MQ80", L, "ChamSys", "MagicQ MQ80", 7400, 12000, 2),
    # --- sound
    _s("CONSOLE-CL5", "Console son numérique Yamaha CL5", S, "Yamaha", "CL5", 38000, 36000, 1),
    _s("CONSOLE-SQ6", "Console son numérique Allen & Heath SQ-6", S, "Allen & Heath", "SQ-6", 4800, 16500, 2),
    _s("CONSOLE-SD12", "Console son DiGiCo SD12", S, "DiGiCo", "SD12", 29500, 32000, 1),
    _s("STAGEBOX-RIO", "Stagebox Yamaha Rio3224-D2", S, "Yamaha", "Rio3224-D2", 9800, 15000, 1),
    _s("STAGEBOX-DX168", "Stagebox Allen & Heath DX168", S, "Allen & Heath", "DX168", 1450, 6200, 2),
    _s("LA-KARA2", "Enceinte line array L-Acoustics Kara II", S, "L-Acoustics", "Kara II", 9500, 26000, 12),
    _s("LA-SB18", "Sub L-Acoustics SB18", S, "L-Acoustics", "SB18", 5800, 83000, 8),
    _s("LA-X12", "Retour de scène L-Acoustics X12", S, "L-Acoustics", "X12", 3200, 20000, 8),
    _s("LA-LA12X", "Contrôleur amplifié L-Acoustics LA12X", S, "L-Acoustics", "LA12X", 11500, 15000, 6),
    _s("DB-Y10P", "Enceinte d&b audiotechnik Y10P", S, "d&b audiotechnik", "Y10P", 4200, 20000, 8),
    _s("DB-M4", "Retour de scène d&b audiotechnik M4", S, "d&b audiotechnik", "M4", 4600, 26000, 6),
    _s("DB-D80", "Amplificateur d&b audiotechnik D80", S, "d&b audiotechnik", "D80", 12000, 19000, 2),
    _s("NEXO-PS15", "Enceinte Nexo PS15-R2", S, "Nexo", "PS15-R2", 2400, 28000, 8),
    _s("NEXO-LS18", "Sub Nexo LS18", S, "Nexo", "LS18", 3500, 71000, 4),
    _s("NEXO-NXAMP", "Contrôleur amplifié Nexo NXAMP4x1 MK2", S, "Nexo", "NXAMP4x1 MK2", 5000, 12000, 2),
    _s("MIC-SM58", "Micro chant Shure SM58", S, "Shure", "SM58", 109, 300, 40),
    _s("MIC-SM57", "Micro instrument Shure SM57", S, "Shure", "SM57", 109, 280, 30),
    _s("MIC-BETA52", "Micro grosse caisse Shure Beta 52A", S, "Shure", "Beta 52A", 189, 600, 6),
    _s("MIC-E906", "Micro guitare Sennheiser e906", S, "Sennheiser", "e906", 169, 140, 10),
    _s("MIC-KM184", "Micro statique Neumann KM 184", S, "Neumann", "KM 184", 780, 110, 6),
    _s("HF-ULXD-B58", "Micro HF Shure ULXD24/B58", S, "Shure", "ULXD24/B58", 1350, 2500, 8),
    _s("HF-EWDX-SK", "Émetteur ceinture HF Sennheiser EW-DX SK", S, "Sennheiser", "EW-DX SK", 820, 200, 8),
    _s("DI-J48", "Boîte de direct active Radial J48", S, "Radial", "J48", 229, 900, 16),
    _s("DI-AR133", "Boîte de direct active BSS AR-133", S, "BSS", "AR-133", 249, 700, 12),
    _s("PIED-KM-210", "Pied de micro perche K&M 210/9", S, "K&M", "210/9", 49, 2700, 50),
    _s("PIED-KM-259", "Pied de micro court K&M 259", S, "K&M", "259", 42, 1800, 16),
    _s("PIED-KM-21436", "Pied d'enceinte K&M 21436", S, "K&M", "21436", 120, 4600, 12),
    # --- video
    _s("VP-EB-L1070U", "Vidéoprojecteur laser Epson EB-L1070U 7000 lm", V, "Epson", "EB-L1070U", 6500, 17000, 3),
    _s("VP-PT-RZ120", "Vidéoprojecteur laser Panasonic PT-RZ120 12 000 lm", V, "Panasonic", "PT-RZ120", 18000, 23000, 2),
    _s("ECRAN-MONOBLOX", "Écran à cadre AV Stumpfl Monoblox 4 × 2,25 m", V, "AV Stumpfl", "Monoblox 32", 3200, 38000, 2),
    _s("ECRAN-PIED", "Écran sur trépied Da-Lite Picture King 180", V, "Da-Lite", "Picture King 180", 340, 9000, 3),
    _s("ATEM-MINI-PRO", "Mélangeur vidéo Blackmagic ATEM Mini Pro", V, "Blackmagic Design", "ATEM Mini Pro", 350, 1000, 2),
    _s("PTZ-UE80", "Caméra PTZ Panasonic AW-UE80", V, "Panasonic", "AW-UE80", 4000, 2200, 2),
    # --- power
    _s("GRADA-DIGITOUR6", "Gradateur Robert Juliat Digitour 6 × 3 kW", P, "Robert Juliat", "Digitour 6", 3400, 15000, 4),
    _s("GRADA-SMARTPACK", "Gradateur ETC SmartPack 12 × 2,4 kW", P, "ETC", "SmartPack 12x2.4", 3100, 14000, 2),
    _s("DISTRIB-P17-32", "Boîtier de distribution P17 32 A tri → 6 × 16 A", P, "PCE", "Verteiler 32A/6x16A", 650, 9000, 10),
    _s("DISTRIB-P17-63", "Armoire de distribution P17 63 A tri", P, "PCE", "Verteiler 63A", 1850, 24000, 4),
    _s("ONDULEUR-1500", "Onduleur APC Smart-UPS 1500 VA", P, "APC", "SMT1500RMI2U", 720, 28000, 2),
    # --- rigging & structure
    _s("TRUSS-H30V-3M", "Structure Prolyte H30V 3 m", R, "Prolyte", "H30V-L300", 520, 17000, 24),
    _s("TRUSS-H30V-2M", "Structure Prolyte H30V 2 m", R, "Prolyte", "H30V-L200", 390, 12000, 16),
    _s("TRUSS-H30V-1M", "Structure Prolyte H30V 1 m", R, "Prolyte", "H30V-L100", 260, 6500, 12),
    _s("TRUSS-H30V-C004", "Angle 90° Prolyte H30V-C004", R, "Prolyte", "H30V-C004", 310, 5000, 8),
    _s("TRUSS-FD34-3M", "Structure Eurotruss FD34 3 m", R, "Eurotruss", "FD34 300", 480, 16000, 16),
    _s("PALAN-LODESTAR", "Palan CM Lodestar D8+ 1 t (tournée)", R, "CM", "Lodestar D8+ 1 t", 3900, 47000, 8),
    _s("PALAN-SR5", "Palan Verlinde Stagemaker SR5 500 kg", R, "Verlinde", "Stagemaker SR5", 3100, 36000, 6),
    _s("CTRL-PALANS-8", "Contrôleur palans 8 voies ChainMaster", R, "ChainMaster", "D8 Controller 8CH", 2900, 18000, 2),
    _s("PIED-FANTEK-T106", "Pied de levage Fantek T-106", R, "Fantek", "T-106", 1600, 52000, 4),
    _b("CROCHET-TRIGGER", "Crochet Doughty Trigger Clamp", R, "Doughty", "T57000", 22, 400, 160),
    _b("ELINGUE-1M", "Élingue acier gainée 1 m CMU 100 kg", R, "Doughty", "T44000", 14, 150, 200),
    # --- staging
    _s("PRAT-NIVTEC-2X1", "Praticable Nivtec 2 × 1 m", ST, "Nivtec", "Multiplex 2x1", 420, 31000, 40),
    _s("PRAT-SIXTY82-2X1", "Praticable Sixty82 2 × 1 m", ST, "Sixty82", "Stage 2x1", 520, 28000, 12),
    _s("PIEDS-NIVTEC-60", "Jeu de 4 pieds télescopiques Nivtec 60-100 cm", ST, "Nivtec", "Tele 60-100", 110, 6000, 40),
    _s("ESCALIER-NIVTEC", "Escalier Nivtec 4 marches", ST, "Nivtec", "Stair 4", 650, 27000, 4),
    _s("GARDE-CORPS-2M", "Garde-corps Nivtec 2 m", ST, "Nivtec", "Railing 2m", 190, 7500, 12),
    _s("PENDRILLON-3X8", "Pendrillon velours noir 3 × 8 m (M1)", ST, "Gerriets", "Ascona", 480, 8500, 16),
    _s("TAPIS-CASCADE", "Tapis de danse Harlequin Cascade 1,6 × 10 m", ST, "Harlequin", "Cascade", 650, 26000, 10),
    # --- cables & adaptors
    _b("DMX5-10", "Câble DMX 5 broches 10 m", C, "Sommer Cable", "SC-Binary 234", 35, 900, 120),
    _b("DMX5-20", "Câble DMX 5 broches 20 m", C, "Sommer Cable", "SC-Binary 234", 58, 1700, 60),
    _b("XLR-5", "Câble micro XLR 5 m", C, "Sommer Cable", "SC-Stage 22", 19, 450, 100),
    _b("XLR-10", "Câble micro XLR 10 m", C, "Sommer Cable", "SC-Stage 22", 27, 850, 150),
    _b("NL4-10", "Câble HP Speakon NL4 10 m", C, "Neutrik", "NL4FXX", 45, 1600, 60),
    _b("POWERCON-5", "Câble PowerCON TRUE1 5 m", C, "Neutrik", "NAC3FX-W", 42, 900, 80),
    _b("P17-32-10", "Prolongateur P17 32 A tri 10 m", C, "PCE", "H07RN-F 5G6", 190, 7000, 20),
    _b("P17-63-25", "Prolongateur P17 63 A tri 25 m", C, "PCE", "H07RN-F 5G16", 780, 36000, 6),
    _b("SOCAPEX-25", "Câble Socapex 19 broches 25 m", C, "Socapex", "LK37", 360, 9500, 12),
    _b("HDMI-10", "Câble HDMI 10 m", C, "Sommer Cable", "HI-HDHS", 39, 600, 20),
    _s("MULTI-24-50", "Multipaire 24/8 50 m sur touret", C, "Sommer Cable", "SC-Transit MC 24", 1900, 42000, 3),
    # --- consumables
    _b("CON-GAFFER-NOIR", "Gaffer noir Le Mark 50 mm × 50 m", K, "Le Mark", "Gaffer Matt", 15, 400, 96, 1490),
    _b("CON-GAFFER-BLANC", "Gaffer blanc Le Mark 50 mm × 50 m", K, "Le Mark", "Gaffer Matt", 15, 400, 48, 1490),
    _b("CON-SPIKE-FLUO", "Spike fluo 19 mm × 25 m", K, "Le Mark", "Spike Fluo", 8, 100, 60, 790),
    _b("CON-LEE-201", "Gélatine Lee Filters 201 Full CT Blue (feuille)", K, "Lee Filters", "201", 9, 60, 60, 950),
    _b("CON-ROSCO-216", "Gélatine Rosco E-Colour+ 216 White Diffusion (feuille)", K, "Rosco", "E-Colour+ 216", 9, 60, 40, 950),
    _b("CON-PILE-AA", "Pile AA Duracell Procell", K, "Duracell", "Procell LR6", 1, 23, 480, 90),
    _b("CON-PILE-9V", "Pile 9 V Duracell Procell", K, "Duracell", "Procell 6LR61", 3, 45, 96, 350),
    _b("CON-FLUIDE-MDG", "Fluide à brouillard MDG Neutral (bidon 5 L)", K, "MDG", "Neutral Fog", 90, 5200, 12, 8900),
    _b("CON-COLLIERS", "Colliers de serrage noirs 200 mm (sachet de 100)", K, "Legrand", "Colring 032035", 5, 120, 40, 450),
    _b("CON-LAMPE-CP62", "Lampe PAR 64 CP62 1000 W", K, "Osram", "CP62", 18, 150, 24, 1800),
)
# fmt: on

#: Inspection schedules by type code: (name, interval in months, at each re-mount).
SCHEDULES: dict[str, tuple[tuple[str, int, bool], ...]] = {
    "PALAN-LODESTAR": (("VGP palan de tournée", 6, True),),
    "PALAN-SR5": (("VGP", 12, False),),
    "CTRL-PALANS-8": (("Vérification électrique", 12, False),),
    "PIED-FANTEK-T106": (("VGP", 12, False),),
    "TRUSS-H30V-3M": (("VGP structure", 12, False),),
    "TRUSS-H30V-2M": (("VGP structure", 12, False),),
    "TRUSS-H30V-1M": (("VGP structure", 12, False),),
    "TRUSS-H30V-C004": (("VGP structure", 12, False),),
    "TRUSS-FD34-3M": (("VGP structure", 12, False),),
    "GRADA-DIGITOUR6": (("Vérification électrique", 12, False),),
    "GRADA-SMARTPACK": (("Vérification électrique", 12, False),),
    "DISTRIB-P17-32": (("Vérification électrique", 12, False),),
    "DISTRIB-P17-63": (("Vérification électrique", 12, False),),
}

INSPECTORS = ("Contrôle Levage Velay (fictif)", "Élec'Contrôle Loire (fictif)", "Régisseur général")

#: Member organisations and people who placed kit in the pool (fictitious).
OWNERS = (
    "Cie La Lanterne Sourde",
    "Festival Les Nuits du Meygal",
    "Collectif Basalte",
    "Théâtre de la Borne",
    "Harmonie municipale de Brives",
    "Comité des fêtes de Solignac",
    "Jeanne Roux (régisseuse lumière)",
    "Mathis Faure (sonorisateur)",
    "Association Ciné-Plateau",
    "Cie Vent d'Ouest",
)

FIRST_NAMES = (
    "Camille",
    "Léa",
    "Hugo",
    "Inès",
    "Lucas",
    "Manon",
    "Nathan",
    "Chloé",
    "Théo",
    "Sarah",
    "Jules",
    "Zoé",
    "Paul",
    "Elsa",
    "Louis",
    "Anaïs",
)
LAST_NAMES = (
    "Besson",
    "Chapuis",
    "Vidal",
    "Bonnefoy",
    "Arnaud",
    "Mounier",
    "Roche",
    "Pagès",
    "Soulier",
    "Chambon",
    "Delorme",
    "Vialle",
    "Brun",
    "Gibert",
    "Reynaud",
    "Teyssier",
)

CONDITION_NOTES = (
    "Rayure sur le capot",
    "Ventilateur un peu bruyant",
    "Connecteur DMX remplacé",
    "Traces de gaffer sur le corps",
    "Grille légèrement cabossée",
    "Patin caoutchouc manquant",
    "Lentille à nettoyer",
    "Poignée recollée",
    "Étiquette d'inventaire usée",
    "Peinture écaillée aux angles",
)

REPAIR_NOTES = (
    "Ne s'allume plus après transport",
    "Moteur de zoom bloqué",
    "Grésillement sur la sortie B",
    "Connecteur d'alimentation arraché",
    "Afficheur illisible",
)

LOST_NOTES = ("Non revenu du festival", "Disparu au démontage")
RETIRED_NOTES = ("Hors d'usage, pièces récupérées", "Remplacé, trop ancien")

#: Cases: (name, permanent, [(type code, how many units)]).
CASES: tuple[tuple[str, bool, tuple[tuple[str, int], ...]], ...] = (
    ("LA-RAK II n°1", True, (("LA-LA12X", 3),)),
    ("LA-RAK II n°2", True, (("LA-LA12X", 3),)),
    ("Rack ampli d&b D80 ×2", True, (("DB-D80", 2),)),
    ("Rack gradateurs Digitour 2 × 6", True, (("GRADA-DIGITOUR6", 2),)),
    ("Flight 4 lyres Robe Spiider", True, (("LYRE-SPIIDER", 4),)),
    ("Valise micros n°1", False, (("MIC-SM58", 6), ("MIC-SM57", 4))),
    ("Valise micros n°2", False, (("MIC-SM58", 6), ("MIC-BETA52", 1), ("MIC-E906", 3))),
    ("Malle DI", False, (("DI-J48", 4), ("DI-AR133", 2))),
)

#: Kits: (code, name, [(type code, quantity)]).
KITS: tuple[tuple[str, str, tuple[tuple[str, int], ...]], ...] = (
    (
        "KIT-CONCERT-SM58",
        "Kit concert 2×SM58 + pieds",
        (("MIC-SM58", 2), ("PIED-KM-210", 2), ("XLR-10", 2)),
    ),
    (
        "KIT-BAL",
        "Kit lumière bal",
        (
            ("PAR-LED-QUAD", 8),
            ("CONSOLE-MQ80", 1),
            ("DMX5-10", 8),
            ("DISTRIB-P17-32", 1),
            ("POWERCON-5", 8),
        ),
    ),
    (
        "KIT-CONFERENCE",
        "Kit conférence",
        (
            ("HF-ULXD-B58", 2),
            ("CONSOLE-SQ6", 1),
            ("NEXO-PS15", 2),
            ("PIED-KM-21436", 2),
            ("NL4-10", 2),
        ),
    ),
    (
        "KIT-PROJECTION",
        "Kit projection",
        (("VP-EB-L1070U", 1), ("ECRAN-MONOBLOX", 1), ("HDMI-10", 2)),
    ),
    (
        "KIT-FACE-THEATRE",
        "Kit face théâtre",
        (("DEC-S4-750", 6), ("GRADA-DIGITOUR6", 1), ("DMX5-20", 2)),
    ),
    (
        "KIT-PORTIQUE",
        "Kit portique 8 m",
        (("TRUSS-H30V-3M", 2), ("TRUSS-H30V-2M", 1), ("PIED-FANTEK-T106", 2)),
    ),
)

#: Variants used to derive the large catalogue's types from the small one.
VARIANTS = (
    "parc 2",
    "tournée",
    "salle",
    "réserve",
    "festival",
    "location longue",
    "atelier",
    "plein air",
)

#: Aisle of the warehouse by category (locations read "A-03-2": aisle, bay, shelf).
AISLES: dict[Category, str] = {L: "A", S: "B", V: "C", P: "D", R: "E", ST: "F", C: "G", K: "H"}
