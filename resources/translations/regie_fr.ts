<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
  <context>
    <name>About</name>
    <message>
      <source>Régie is free software: you can redistribute it and/or modify it under the terms of the GNU Affero General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version.

It is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.

If you let people use a modified Régie over a network, you must offer them its source code. The DejaVu fonts it ships have their own free licence.

The whole licence: {url}</source>
      <translation>Régie est un logiciel libre : vous pouvez le redistribuer et/ou le modifier selon les termes de la licence publique générale GNU Affero (GNU AGPL) publiée par la Free Software Foundation, soit la version 3 de la licence, soit (à votre choix) toute version ultérieure.

Il est distribué dans l’espoir qu’il sera utile, mais SANS AUCUNE GARANTIE, sans même la garantie implicite de QUALITÉ MARCHANDE ou d’ADÉQUATION À UN USAGE PARTICULIER.

Si vous faites utiliser une version modifiée de Régie à travers un réseau, vous devez en proposer le code source à ses utilisateurs. Les polices DejaVu fournies ont leur propre licence libre.

La licence complète : {url}</translation>
    </message>
    <message>
      <source>self-contained application</source>
      <translation>application autonome</translation>
    </message>
    <message>
      <source>Python package</source>
      <translation>paquet Python</translation>
    </message>
    <message>
      <source>Python {python}, Qt {qt}, PySide {pyside} ({system}; {how})</source>
      <translation>Python {python}, Qt {qt}, PySide {pyside} ({system} ; {how})</translation>
    </message>
    <message>
      <source>About Régie</source>
      <translation>À propos de Régie</translation>
    </message>
    <message>
      <source>Régie's icon</source>
      <translation>Icône de Régie</translation>
    </message>
    <message>
      <source>Rental and inventory desk for pooled stage equipment</source>
      <translation>Réservations, sorties, retours et factures du matériel scénique mutualisé</translation>
    </message>
    <message>
      <source>Version:</source>
      <translation>Version :</translation>
    </message>
    <message>
      <source>Database:</source>
      <translation>Base de données :</translation>
    </message>
    <message>
      <source>Licence:</source>
      <translation>Licence :</translation>
    </message>
    <message>
      <source>Runs on:</source>
      <translation>Fonctionne avec :</translation>
    </message>
    <message>
      <source>&amp;Licence…</source>
      <translation>&amp;Licence…</translation>
    </message>
    <message>
      <source>What the licence lets you do</source>
      <translation>Ce que la licence vous permet</translation>
    </message>
    <message>
      <source>&amp;Copy</source>
      <translation>&amp;Copier</translation>
    </message>
    <message>
      <source>Copy these details (to send them for help)</source>
      <translation>Copier ces informations (pour demander de l’aide)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>{database} (demo data)</source>
      <translation>{database} (données de démonstration)</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>Copié</translation>
    </message>
    <message>
      <source>Licence — {licence}</source>
      <translation>Licence — {licence}</translation>
    </message>
  </context>
  <context>
    <name>AccountsDialog</name>
    <message>
      <source>Account numbers</source>
      <translation>Numéros de compte</translation>
    </message>
    <message>
      <source>For</source>
      <translation>Pour</translation>
    </message>
    <message>
      <source>Account or journal</source>
      <translation>Compte ou journal</translation>
    </message>
    <message>
      <source>Label in the file</source>
      <translation>Libellé dans le fichier</translation>
    </message>
    <message>
      <source>number</source>
      <translation>numéro</translation>
    </message>
    <message>
      <source>label</source>
      <translation>libellé</translation>
    </message>
    <message>
      <source>One auxiliary account per customer (its customer number)</source>
      <translation>Un compte auxiliaire par client (son numéro de client)</translation>
    </message>
    <message>
      <source>One collective account for every customer</source>
      <translation>Un compte collectif pour tous les clients</translation>
    </message>
    <message>
      <source>&amp;Customers:</source>
      <translation>&amp;Clients :</translation>
    </message>
    <message>
      <source>Revenue goes to the account of each line's VAT treatment, so the VAT return and the European services declaration read from the balance; give the same account to several treatments to keep one.</source>
      <translation>Les produits vont au compte du traitement de TVA de chaque ligne : la déclaration de TVA et la déclaration européenne de services se lisent dans la balance. Donnez le même compte à plusieurs traitements pour n’en garder qu’un.</translation>
    </message>
  </context>
  <context>
    <name>AccountsView</name>
    <message>
      <source>New badge</source>
      <translation>Nouveau badge</translation>
    </message>
    <message>
      <source>New badge for %1</source>
      <translation>Nouveau badge pour %1</translation>
    </message>
    <message>
      <source>Print it now: Régie keeps only a fingerprint of the code and cannot show it again. The previous badge no longer works.</source>
      <translation>Imprimez-le maintenant : Régie ne garde qu’une empreinte du code et ne peut plus l’afficher. L’ancien badge ne fonctionne plus.</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>Désactivé</translation>
    </message>
    <message>
      <source>Locked</source>
      <translation>Verrouillé</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>Actif</translation>
    </message>
    <message>
      <source>New account</source>
      <translation>Nouveau compte</translation>
    </message>
    <message>
      <source>Password of %1</source>
      <translation>Mot de passe de %1</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Full name:</source>
      <translation>Nom &amp;complet :</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>&amp;Rôle :</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <source>&amp;Again:</source>
      <translation>Enc&amp;ore :</translation>
    </message>
    <message>
      <source>At least 8 characters. On the embedded file it may stay empty.</source>
      <translation>Au moins 8 caractères. Sur le fichier intégré, il peut rester vide.</translation>
    </message>
    <message>
      <source>At least 8 characters.</source>
      <translation>Au moins 8 caractères.</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>Les deux mots de passe diffèrent.</translation>
    </message>
    <message>
      <source>Accounts</source>
      <translation>Comptes</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Full name</source>
      <translation>Nom complet</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <source>Badge</source>
      <translation>Badge</translation>
    </message>
    <message>
      <source>Last login</source>
      <translation>Dernière connexion</translation>
    </message>
    <message>
      <source>&amp;New account…</source>
      <translation>&amp;Nouveau compte…</translation>
    </message>
    <message>
      <source>Change &amp;role…</source>
      <translation>Changer le &amp;rôle…</translation>
    </message>
    <message>
      <source>&amp;Full name…</source>
      <translation>Nom co&amp;mplet…</translation>
    </message>
    <message>
      <source>Set &amp;password…</source>
      <translation>Mot de &amp;passe…</translation>
    </message>
    <message>
      <source>New &amp;badge…</source>
      <translation>Nouveau &amp;badge…</translation>
    </message>
    <message>
      <source>&amp;Disable</source>
      <translation>&amp;Désactiver</translation>
    </message>
    <message>
      <source>&amp;Unlock</source>
      <translation>Dé&amp;verrouiller</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>Desk log-out after inactivity</source>
      <translation>Déconnexion du comptoir après inactivité</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <source>The desk &amp;logs out after</source>
      <translation>Le &amp;comptoir se déconnecte après</translation>
    </message>
    <message>
      <source>without activity</source>
      <translation>sans activité</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>no (logs in by itself)</source>
      <translation>non (connexion automatique)</translation>
    </message>
    <message>
      <source>&amp;Enable</source>
      <translation>&amp;Activer</translation>
    </message>
    <message>
      <source>Account %1 added.</source>
      <translation>Compte %1 ajouté.</translation>
    </message>
    <message>
      <source>Role of %1</source>
      <translation>Rôle de %1</translation>
    </message>
    <message>
      <source>Full name of %1</source>
      <translation>Nom complet de %1</translation>
    </message>
    <message>
      <source>The full name of %1 is saved.</source>
      <translation>Le nom complet de %1 est enregistré.</translation>
    </message>
    <message>
      <source>%1 is now %2.</source>
      <translation>%1 est maintenant %2.</translation>
    </message>
    <message>
      <source>The password of %1 is set.</source>
      <translation>Le mot de passe de %1 est enregistré.</translation>
    </message>
    <message>
      <source>%1 already has a badge. A new one stops the old one from working. Make a new badge?</source>
      <translation>%1 a déjà un badge. Un nouveau badge rend l’ancien inutilisable. Faire un nouveau badge ?</translation>
    </message>
    <message>
      <source>%1 has a new badge.</source>
      <translation>%1 a un nouveau badge.</translation>
    </message>
    <message>
      <source>%1 can log in again.</source>
      <translation>%1 peut de nouveau se connecter.</translation>
    </message>
    <message>
      <source>%1 can no longer log in.</source>
      <translation>%1 ne peut plus se connecter.</translation>
    </message>
    <message>
      <source>%1 is unlocked.</source>
      <translation>%1 est déverrouillé.</translation>
    </message>
    <message numerus="yes">
      <source>The desk logs out after %n minute(s) without activity.</source>
      <translation>
        <numerusform>Le comptoir se déconnecte après %n minute sans activité.</numerusform>
        <numerusform>Le comptoir se déconnecte après %n minutes sans activité.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ActivityColumns</name>
    <message>
      <source>internal id</source>
      <translation>identifiant interne</translation>
    </message>
    <message>
      <source>name</source>
      <translation>nom</translation>
    </message>
    <message>
      <source>full name</source>
      <translation>nom complet</translation>
    </message>
    <message>
      <source>role</source>
      <translation>rôle</translation>
    </message>
    <message>
      <source>password</source>
      <translation>mot de passe</translation>
    </message>
    <message>
      <source>badge</source>
      <translation>badge</translation>
    </message>
    <message>
      <source>logs in automatically</source>
      <translation>connexion automatique</translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>désactivé</translation>
    </message>
    <message>
      <source>wrong passwords in a row</source>
      <translation>mots de passe erronés d’affilée</translation>
    </message>
    <message>
      <source>locked until</source>
      <translation>verrouillé jusqu’à</translation>
    </message>
    <message>
      <source>last login</source>
      <translation>dernière connexion</translation>
    </message>
    <message>
      <source>created at</source>
      <translation>créé le</translation>
    </message>
    <message>
      <source>created by</source>
      <translation>créé par</translation>
    </message>
    <message>
      <source>reference</source>
      <translation>référence</translation>
    </message>
    <message>
      <source>number</source>
      <translation>numéro</translation>
    </message>
    <message>
      <source>code</source>
      <translation>code</translation>
    </message>
    <message>
      <source>barcode</source>
      <translation>code-barres</translation>
    </message>
    <message>
      <source>serial number</source>
      <translation>numéro de série</translation>
    </message>
    <message>
      <source>status</source>
      <translation>état</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>type</translation>
    </message>
    <message>
      <source>category</source>
      <translation>catégorie</translation>
    </message>
    <message>
      <source>location</source>
      <translation>emplacement</translation>
    </message>
    <message>
      <source>notes</source>
      <translation>notes</translation>
    </message>
    <message>
      <source>note</source>
      <translation>note</translation>
    </message>
    <message>
      <source>quantity</source>
      <translation>quantité</translation>
    </message>
    <message>
      <source>start</source>
      <translation>début</translation>
    </message>
    <message>
      <source>end</source>
      <translation>fin</translation>
    </message>
    <message>
      <source>use from</source>
      <translation>utilisation du</translation>
    </message>
    <message>
      <source>use until</source>
      <translation>utilisation jusqu’au</translation>
    </message>
    <message>
      <source>event</source>
      <translation>évènement</translation>
    </message>
    <message>
      <source>venue</source>
      <translation>lieu</translation>
    </message>
    <message>
      <source>email</source>
      <translation>courriel</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>téléphone</translation>
    </message>
    <message>
      <source>address</source>
      <translation>adresse</translation>
    </message>
    <message>
      <source>postcode</source>
      <translation>code postal</translation>
    </message>
    <message>
      <source>city</source>
      <translation>ville</translation>
    </message>
    <message>
      <source>booking</source>
      <translation>réservation</translation>
    </message>
    <message>
      <source>item type</source>
      <translation>type d’article</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>unité</translation>
    </message>
    <message>
      <source>customer</source>
      <translation>client</translation>
    </message>
    <message>
      <source>document</source>
      <translation>document</translation>
    </message>
    <message>
      <source>owner</source>
      <translation>propriétaire</translation>
    </message>
    <message>
      <source>case</source>
      <translation>flight-case</translation>
    </message>
    <message>
      <source>kit</source>
      <translation>kit</translation>
    </message>
    <message>
      <source>direction</source>
      <translation>sens</translation>
    </message>
    <message>
      <source>condition</source>
      <translation>état constaté</translation>
    </message>
    <message>
      <source>at</source>
      <translation>le</translation>
    </message>
    <message>
      <source>date</source>
      <translation>date</translation>
    </message>
    <message>
      <source>person</source>
      <translation>personne</translation>
    </message>
    <message>
      <source>workstation</source>
      <translation>poste</translation>
    </message>
    <message>
      <source>amount (cents)</source>
      <translation>montant (centimes)</translation>
    </message>
    <message>
      <source>method</source>
      <translation>moyen</translation>
    </message>
    <message>
      <source>issued at</source>
      <translation>émis le</translation>
    </message>
    <message>
      <source>issued by</source>
      <translation>émis par</translation>
    </message>
    <message>
      <source>recorded by</source>
      <translation>enregistré par</translation>
    </message>
    <message>
      <source>value</source>
      <translation>valeur</translation>
    </message>
    <message>
      <source>opened on</source>
      <translation>ouvert le</translation>
    </message>
    <message>
      <source>closed on</source>
      <translation>clos le</translation>
    </message>
    <message>
      <source>setting</source>
      <translation>paramètre</translation>
    </message>
  </context>
  <context>
    <name>ActivityView</name>
    <message>
      <source>(hidden)</source>
      <translation>(masqué)</translation>
    </message>
    <message>
      <source>(personal)</source>
      <translation>(donnée personnelle)</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Personne</translation>
    </message>
    <message>
      <source>Workstation</source>
      <translation>Poste</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>Élément</translation>
    </message>
    <message>
      <source>Changes</source>
      <translation>Modifications</translation>
    </message>
    <message>
      <source>%1 (UTC %2)</source>
      <translation>%1 (UTC %2)</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>Tout le monde</translation>
    </message>
    <message>
      <source>All records</source>
      <translation>Tous les éléments</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numéro</translation>
    </message>
    <message>
      <source>&amp;Between</source>
      <translation>&amp;Entre</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>&amp;Person</source>
      <translation>&amp;Personne</translation>
    </message>
    <message>
      <source>Re&amp;cord</source>
      <translation>É&amp;lément</translation>
    </message>
    <message>
      <source>N&amp;o.</source>
      <translation>N&amp;°</translation>
    </message>
    <message>
      <source>Activity — who changed what</source>
      <translation>Activité — qui a modifié quoi</translation>
    </message>
    <message>
      <source>Recorded changes</source>
      <translation>Modifications enregistrées</translation>
    </message>
    <message>
      <source>Enter or double click: the whole history of that record</source>
      <translation>Entrée ou double clic : tout l'historique de cet élément</translation>
    </message>
    <message>
      <source>Selected change, before and after</source>
      <translation>Modification choisie, avant et après</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Champ</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>Avant</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Après</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Actualiser</translation>
    </message>
    <message>
      <source>Read the activity again (F5)</source>
      <translation>Relire l'activité (F5)</translation>
    </message>
    <message numerus="yes">
      <source>%Ln change(s) recorded.</source>
      <translation>
        <numerusform>%Ln modification enregistrée.</numerusform>
        <numerusform>%Ln modifications enregistrées.</numerusform>
      </translation>
    </message>
    <message>
      <source>The %1 most recent of %2 recorded changes are listed: narrow the person, record or days to see older ones.</source>
      <translation>Les %1 modifications les plus récentes sur %2 enregistrées sont listées : précisez la personne, l’élément ou les jours pour voir les plus anciennes.</translation>
    </message>
    <message>
      <source>No recorded change matches these filters. Choose everyone and all records, or widen the days.</source>
      <translation>Aucune modification enregistrée ne correspond à ces filtres. Choisissez tout le monde et tous les éléments, ou élargissez les jours.</translation>
    </message>
  </context>
  <context>
    <name>Backups</name>
    <message>
      <source>Backups</source>
      <translation>Sauvegardes</translation>
    </message>
    <message>
      <source>Reading the backups…</source>
      <translation>Lecture des sauvegardes…</translation>
    </message>
    <message>
      <source>&amp;Folder:</source>
      <translation>&amp;Dossier :</translation>
    </message>
    <message>
      <source>Backup folder</source>
      <translation>Dossier des sauvegardes</translation>
    </message>
    <message>
      <source>&amp;Choose…</source>
      <translation>&amp;Choisir…</translation>
    </message>
    <message>
      <source>Back up into another folder: a USB disk, a NAS share…</source>
      <translation>Sauvegarder dans un autre dossier : un disque USB, un partage du NAS…</translation>
    </message>
    <message>
      <source>Made</source>
      <translation>Faite le</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Taille</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>Backups in the folder</source>
      <translation>Sauvegardes du dossier</translation>
    </message>
    <message>
      <source>Régie backs the database up when it closes and once a day, checks each backup (in full, as Verify integrity does, when you back up by hand), and keeps the newest of each of the last 7 days, 4 weeks and 12 months. A restore keeps the current database aside first.</source>
      <translation>Régie sauvegarde la base à chaque fermeture et une fois par jour, vérifie chaque sauvegarde (en entier, comme « Vérifier l’intégrité », pour une sauvegarde faite à la main), et garde la plus récente de chacun des 7 derniers jours, des 4 dernières semaines et des 12 derniers mois. Une restauration met d’abord la base actuelle de côté.</translation>
    </message>
    <message>
      <source>Working</source>
      <translation>Travail en cours</translation>
    </message>
    <message>
      <source>&amp;Back up now</source>
      <translation>&amp;Sauvegarder maintenant</translation>
    </message>
    <message>
      <source>&amp;Restore…</source>
      <translation>&amp;Restaurer…</translation>
    </message>
    <message>
      <source>Restore the selected backup, or choose a backup file</source>
      <translation>Restaurer la sauvegarde choisie dans la liste, ou choisir un fichier de sauvegarde</translation>
    </message>
    <message>
      <source>Only an administrator may back up, restore or choose the folder.</source>
      <translation>Seul un administrateur peut sauvegarder, restaurer ou choisir le dossier.</translation>
    </message>
    <message>
      <source>None</source>
      <translation>Aucune</translation>
    </message>
    <message>
      <source>No good backup yet: back up now.</source>
      <translation>Pas encore de sauvegarde vérifiée : sauvegardez maintenant.</translation>
    </message>
    <message>
      <source>Old</source>
      <translation>Ancienne</translation>
    </message>
    <message>
      <source>Up to date</source>
      <translation>À jour</translation>
    </message>
    <message>
      <source>Last good backup: %1 — %2</source>
      <translation>Dernière sauvegarde vérifiée : %1 — %2</translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>Échec</translation>
    </message>
    <message>
      <source>The last automatic backup (%1) failed: %2</source>
      <translation>La dernière sauvegarde automatique (%1) a échoué : %2</translation>
    </message>
    <message>
      <source>Backing up and checking the backup…</source>
      <translation>Sauvegarde et vérification en cours…</translation>
    </message>
    <message>
      <source>Backup to restore</source>
      <translation>Sauvegarde à restaurer</translation>
    </message>
    <message>
      <source>Régie backups (*.db *.dump);;All files (*)</source>
      <translation>Sauvegardes Régie (*.db *.dump);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Restore a backup</source>
      <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
      <source>Replace the database with the backup %1?

The current database is kept aside first; what was recorded since the backup will no longer show. Other workstations should close Régie first.</source>
      <translation>Remplacer la base par la sauvegarde %1 ?

La base actuelle est d’abord mise de côté ; ce qui a été enregistré depuis la sauvegarde n’apparaîtra plus. Fermez d’abord Régie sur les autres postes.</translation>
    </message>
    <message>
      <source>Checking and restoring the backup…</source>
      <translation>Vérification et restauration de la sauvegarde…</translation>
    </message>
    <message>
      <source>Restored from %1.</source>
      <translation>Restaurée depuis %1.</translation>
    </message>
    <message>
      <source>The backup was from an older Régie: it was migrated.</source>
      <translation>La sauvegarde venait d’une version plus ancienne de Régie : elle a été mise à niveau.</translation>
    </message>
    <message>
      <source>The previous database was kept aside: %1</source>
      <translation>La base précédente a été mise de côté : %1</translation>
    </message>
  </context>
  <context>
    <name>BarChart</name>
    <message>
      <source>Nothing to chart.</source>
      <translation>Rien à représenter.</translation>
    </message>
    <message>
      <source>Bar chart</source>
      <translation>Graphique en barres</translation>
    </message>
    <message>
      <source>… and %1 more</source>
      <translation>… et %1 de plus</translation>
    </message>
  </context>
  <context>
    <name>BookingCalendar</name>
    <message>
      <source>Bookings of the day</source>
      <translation>Réservations du jour</translation>
    </message>
    <message>
      <source>No pick-up or return this day. Choose another day with the arrows.</source>
      <translation>Ni sortie ni retour ce jour-là. Choisissez un autre jour avec les flèches.</translation>
    </message>
    <message>
      <source>Booking details</source>
      <translation>Détails de la réservation</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>Lieu</translation>
    </message>
    <message>
      <source>Pick-up</source>
      <translation>Sortie</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Retour</translation>
    </message>
    <message>
      <source>Month of bookings</source>
      <translation>Mois des réservations</translation>
    </message>
    <message numerus="yes">
      <source>+%n more</source>
      <translation>
        <numerusform>+%n autre</numerusform>
        <numerusform>+%n autres</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1: %n pick-up(s) or return(s)</source>
      <translation>
        <numerusform>%1 : %n sortie ou retour</numerusform>
        <numerusform>%1 : %n sorties ou retours</numerusform>
      </translation>
    </message>
    <message>
      <source>↗ pick-up · ↘ return</source>
      <translation>↗ sortie · ↘ retour</translation>
    </message>
    <message>
      <source>&amp;Previous month</source>
      <translation>Mois &amp;précédent</translation>
    </message>
    <message>
      <source>&amp;Next month</source>
      <translation>Mois &amp;suivant</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>&amp;Aujourd’hui</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>A&amp;ctualiser</translation>
    </message>
    <message>
      <source>&amp;Calendar</source>
      <translation>&amp;Calendrier</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <source>Month shown</source>
      <translation>Mois affiché</translation>
    </message>
    <message>
      <source>No pick-up or return in %1. Go to another month with Alt+Left or Alt+Right, or create a booking in Bookings (Ctrl+8, then Ctrl+N).</source>
      <translation>Ni sortie ni retour en %1. Passez à un autre mois avec Alt+Gauche ou Alt+Droite, ou créez une réservation dans Réservations (Ctrl+8, puis Ctrl+N).</translation>
    </message>
  </context>
  <context>
    <name>BookingEditor</name>
    <message>
      <source>kit</source>
      <translation>kit</translation>
    </message>
    <message>
      <source>New booking</source>
      <translation>Nouvelle réservation</translation>
    </message>
    <message>
      <source>Booking %1</source>
      <translation>Réservation %1</translation>
    </message>
    <message>
      <source>this new booking</source>
      <translation>cette nouvelle réservation</translation>
    </message>
    <message>
      <source>Unsaved changes</source>
      <translation>Modifications non enregistrées</translation>
    </message>
    <message>
      <source>Save the changes to %1 before closing?</source>
      <translation>Enregistrer les modifications de %1 avant de fermer ?</translation>
    </message>
    <message>
      <source>&amp;Save</source>
      <translation>&amp;Enregistrer</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Ne pas enregistrer</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Booking %1 saved (%2).</source>
      <translation>Réservation %1 enregistrée (%2).</translation>
    </message>
    <message>
      <source>Booking %1 cancelled; credit note %2 issued.</source>
      <translation>Réservation %1 annulée ; avoir %2 émis.</translation>
    </message>
    <message>
      <source>No membership covers these dates: non-member rate.</source>
      <translation>Aucune adhésion ne couvre ces dates : tarif non-sociétaire.</translation>
    </message>
    <message>
      <source>Member rate: membership %1 covers %2 – %3.</source>
      <translation>Tarif sociétaire : l’adhésion %1 couvre du %2 au %3.</translation>
    </message>
    <message>
      <source>Member rate: memberships %1 cover %2 – %3.</source>
      <translation>Tarif sociétaire : les adhésions %1 couvrent du %2 au %3.</translation>
    </message>
    <message>
      <source>%1 then %2</source>
      <translation>%1 puis %2</translation>
    </message>
    <message>
      <source>Save as &amp;quote</source>
      <translation>Enregistrer comme de&amp;vis</translation>
    </message>
    <message>
      <source>Save and &amp;confirm</source>
      <translation>Enregistrer et &amp;confirmer</translation>
    </message>
    <message>
      <source>Cance&amp;l booking</source>
      <translation>Annu&amp;ler la réservation</translation>
    </message>
    <message>
      <source>Quote P&amp;DF…</source>
      <translation>&amp;Devis (PDF)…</translation>
    </message>
    <message>
      <source>The quote: preview, print, save as PDF (unsaved changes are saved first)</source>
      <translation>Le devis : aperçu, impression, enregistrement en PDF (les modifications non enregistrées le sont d’abord)</translation>
    </message>
    <message>
      <source>&amp;Print the pick list…</source>
      <translation>&amp;Imprimer la liste de préparation…</translation>
    </message>
    <message>
      <source>&amp;Save the pick list as PDF…</source>
      <translation>&amp;Enregistrer la liste de préparation en PDF…</translation>
    </message>
    <message>
      <source>Pic&amp;k list</source>
      <translation>Liste de préparati&amp;on</translation>
    </message>
    <message>
      <source>The warehouse pick list: print it (Ctrl+P) or save it as PDF (Ctrl+Shift+P)</source>
      <translation>La liste de préparation du magasin : l’imprimer (Ctrl+P) ou l’enregistrer en PDF (Ctrl+Maj+P)</translation>
    </message>
    <message>
      <source>Inv&amp;oice…</source>
      <translation>&amp;Facturer…</translation>
    </message>
    <message>
      <source>Invoice what is not invoiced yet (the draft is shown first)</source>
      <translation>Facturer ce qui ne l’est pas encore (le brouillon s’affiche d’abord)</translation>
    </message>
    <message>
      <source>Da&amp;mage charge…</source>
      <translation>&amp;Casse…</translation>
    </message>
    <message>
      <source>Record the repair cost of pieces that came back damaged</source>
      <translation>Enregistrer le coût de réparation des pièces revenues abîmées</translation>
    </message>
    <message>
      <source>Pricin&amp;g and deposit…</source>
      <translation>Tari&amp;fication et caution…</translation>
    </message>
    <message>
      <source>The saved booking's discounts, coefficient, minimum and deposits</source>
      <translation>Remises, coefficient, minimum et cautions de la réservation enregistrée</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Close (Esc); asks first when there are unsaved changes</source>
      <translation>Fermer (Échap) ; demande d’abord s’il reste des modifications non enregistrées</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>Enregistrer</translation>
    </message>
    <message>
      <source>Save c&amp;hanges</source>
      <translation>Enregistrer les &amp;modifications</translation>
    </message>
    <message>
      <source>Save, then hold the stock for this booking</source>
      <translation>Enregistrer, puis retenir le stock pour cette réservation</translation>
    </message>
    <message>
      <source>Quote %1</source>
      <translation>Devis %1</translation>
    </message>
    <message>
      <source>pick-list-%1</source>
      <translation>liste-de-preparation-%1</translation>
    </message>
    <message>
      <source>Pick list %1</source>
      <translation>Liste de préparation %1</translation>
    </message>
    <message>
      <source>Pick list %1 sent to the printer.</source>
      <translation>Liste de préparation %1 envoyée à l’imprimante.</translation>
    </message>
    <message>
      <source>Pick list saved to %1.</source>
      <translation>Liste de préparation enregistrée dans %1.</translation>
    </message>
    <message>
      <source>Invoice %1 issued.</source>
      <translation>Facture %1 émise.</translation>
    </message>
    <message>
      <source>Invoice %1</source>
      <translation>Facture %1</translation>
    </message>
    <message>
      <source>Type part of a name or number</source>
      <translation>Tapez une partie d’un nom ou d’un numéro</translation>
    </message>
    <message>
      <source>C&amp;ustomer:</source>
      <translation>Cl&amp;ient :</translation>
    </message>
    <message>
      <source>e.g. Festival des Nuits d’été</source>
      <translation>par ex. Festival des Nuits d’été</translation>
    </message>
    <message>
      <source>&amp;Event:</source>
      <translation>&amp;Événement :</translation>
    </message>
    <message>
      <source>&amp;Venue:</source>
      <translation>Li&amp;eu :</translation>
    </message>
    <message>
      <source>&amp;Pick-up:</source>
      <translation>&amp;Retrait :</translation>
    </message>
    <message>
      <source>&amp;Return:</source>
      <translation>Re&amp;tour :</translation>
    </message>
    <message>
      <source>Days of use &amp;same as the planned period</source>
      <translation>Jours d’utilisation = &amp;période prévue</translation>
    </message>
    <message>
      <source>Usage fro&amp;m:</source>
      <translation>Début d’&amp;utilisation :</translation>
    </message>
    <message>
      <source>Usage &amp;to:</source>
      <translation>Fin d’utili&amp;sation :</translation>
    </message>
    <message>
      <source>&amp;Notes:</source>
      <translation>&amp;Notes :</translation>
    </message>
    <message>
      <source>Pick-up</source>
      <translation>Enlèvement</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Retour</translation>
    </message>
    <message>
      <source>Usage from</source>
      <translation>Utilisation du</translation>
    </message>
    <message>
      <source>Usage to</source>
      <translation>Utilisation au</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Buyer's reference</source>
      <translation>Référence de l’acheteur</translation>
    </message>
    <message>
      <source>The buyer's own reference on its invoices (a public buyer's service code)</source>
      <translation>La référence propre de l’acheteur sur ses factures (le code service d’un acheteur public)</translation>
    </message>
    <message>
      <source>Buyer's re&amp;f.:</source>
      <translation>Ré&amp;f. acheteur :</translation>
    </message>
    <message>
      <source>Purchase order or commitment number</source>
      <translation>Numéro de bon de commande ou d’engagement</translation>
    </message>
    <message>
      <source>Order or commitment number</source>
      <translation>N° de commande ou d’engagement</translation>
    </message>
    <message>
      <source>The buyer's purchase order or commitment (engagement) number</source>
      <translation>Le numéro de bon de commande ou d’engagement de l’acheteur</translation>
    </message>
    <message>
      <source>Order num&amp;ber:</source>
      <translation>&amp;Bon de commande :</translation>
    </message>
    <message>
      <source>Buyer's reference (optional)</source>
      <translation>Référence acheteur (facultatif)</translation>
    </message>
    <message>
      <source>Choose the customer, the dates, then add what is booked.</source>
      <translation>Choisissez le client, les dates, puis ajoutez le matériel réservé.</translation>
    </message>
    <message>
      <source>%1 → %2</source>
      <translation>%1 → %2</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantité</translation>
    </message>
    <message>
      <source>%1, %2. Delete removes a line; + and - change its quantity.</source>
      <translation>%1, %2. Suppr retire une ligne ; + et - changent sa quantité.</translation>
    </message>
    <message numerus="yes">
      <source>%n line(s)</source>
      <translation>
        <numerusform>%n ligne</numerusform>
        <numerusform>%n lignes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n piece(s)</source>
      <translation>
        <numerusform>%n pièce</numerusform>
        <numerusform>%n pièces</numerusform>
      </translation>
    </message>
    <message>
      <source>Not enough stock for these dates: the booking cannot be confirmed as it is.</source>
      <translation>Stock insuffisant pour ces dates : la réservation ne peut pas être confirmée en l’état.</translation>
    </message>
    <message>
      <source>%1 (%2): %3 missing on %4 — requested %5, serviceable %6, already held %7 by %8</source>
      <translation>%1 (%2) : %3 manquant(s) le %4 — demandé(s) %5, en état de marche %6, déjà retenu(s) %7 par %8</translation>
    </message>
    <message>
      <source>%1 (%2): %3 missing on %4 — requested %5, only %6 serviceable</source>
      <translation>%1 (%2) : %3 manquant(s) le %4 — demandé(s) %5, seulement %6 en état de marche</translation>
    </message>
    <message>
      <source>Code, name, kit or scanned barcode; CODE=3 adds three</source>
      <translation>Code, nom, kit ou code-barres scanné ; CODE=3 en ajoute trois</translation>
    </message>
    <message>
      <source>&amp;Add item type or kit (search or scan):</source>
      <translation>&amp;Ajouter un type de matériel ou un kit (recherche ou scan) :</translation>
    </message>
    <message>
      <source>Remove l&amp;ine</source>
      <translation>Retirer la li&amp;gne</translation>
    </message>
    <message>
      <source>Remove the selected line (Delete)</source>
      <translation>Retirer la ligne sélectionnée (Suppr)</translation>
    </message>
    <message>
      <source>Shortages</source>
      <translation>Manques</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <source>No lines yet. Type a code or a name above, or scan a barcode (Alt+A).</source>
      <translation>Aucune ligne pour l’instant. Tapez un code ou un nom ci-dessus, ou scannez un code-barres (Alt+A).</translation>
    </message>
    <message numerus="yes">
      <source>Added %n × %1 (%2): %3 on the line.</source>
      <translation>
        <numerusform>%n × %1 (%2) ajouté : %3 sur la ligne.</numerusform>
        <numerusform>%n × %1 (%2) ajoutés : %3 sur la ligne.</numerusform>
      </translation>
    </message>
    <message>
      <source>Added the %1 item types of the kit.</source>
      <translation>Les %1 types de matériel du kit ont été ajoutés.</translation>
    </message>
    <message>
      <source>The return must come after the pick-up.</source>
      <translation>Le retour doit suivre le retrait.</translation>
    </message>
    <message>
      <source>Choose the customer to see the price.</source>
      <translation>Choisissez le client pour voir le prix.</translation>
    </message>
    <message>
      <source>Not enough stock: %1 missing (see the list above the buttons).</source>
      <translation>Stock insuffisant : il manque %1 (voir la liste au-dessus des boutons).</translation>
    </message>
    <message>
      <source>Add at least one line to confirm.</source>
      <translation>Ajoutez au moins une ligne pour confirmer.</translation>
    </message>
  </context>
  <context>
    <name>BookingPricing</name>
    <message>
      <source>Pricing and deposit — %1</source>
      <translation>Tarification et caution — %1</translation>
    </message>
    <message>
      <source>Pricing</source>
      <translation>Tarification</translation>
    </message>
    <message>
      <source>Booking &amp;discount (%):</source>
      <translation>&amp;Remise sur la réservation (%) :</translation>
    </message>
    <message>
      <source>The equipment families' tables</source>
      <translation>Les barèmes des familles de matériel</translation>
    </message>
    <message>
      <source>Another coefficient table</source>
      <translation>Un autre barème de coefficients</translation>
    </message>
    <message>
      <source>A fixed coefficient</source>
      <translation>Un coefficient fixe</translation>
    </message>
    <message>
      <source>Coe&amp;fficients:</source>
      <translation>Coe&amp;fficients :</translation>
    </message>
    <message>
      <source>Ta&amp;ble:</source>
      <translation>&amp;Barème :</translation>
    </message>
    <message>
      <source>Fi&amp;xed coefficient:</source>
      <translation>Coefficient fi&amp;xe :</translation>
    </message>
    <message>
      <source>&amp;Minimum charge (€):</source>
      <translation>&amp;Minimum facturé (€) :</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Type de matériel</translation>
    </message>
    <message>
      <source>Discount (%)</source>
      <translation>Remise (%)</translation>
    </message>
    <message>
      <source>Line discounts</source>
      <translation>Remises par ligne</translation>
    </message>
    <message>
      <source>Line discounts:</source>
      <translation>Remises par ligne :</translation>
    </message>
    <message>
      <source>&amp;Save pricing</source>
      <translation>&amp;Enregistrer la tarification</translation>
    </message>
    <message>
      <source>Deposit</source>
      <translation>Caution</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>N°</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>Reçue le</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Montant</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Moyen</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Kept</source>
      <translation>Conservée</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Deposits</source>
      <translation>Cautions</translation>
    </message>
    <message>
      <source>Amo&amp;unt (€):</source>
      <translation>Mo&amp;ntant (€) :</translation>
    </message>
    <message>
      <source>Met&amp;hod:</source>
      <translation>Mo&amp;yen de paiement :</translation>
    </message>
    <message>
      <source>Cheque number, bank…</source>
      <translation>Numéro de chèque, banque…</translation>
    </message>
    <message>
      <source>N&amp;otes:</source>
      <translation>N&amp;otes :</translation>
    </message>
    <message>
      <source>&amp;Record the deposit</source>
      <translation>Enre&amp;gistrer la caution</translation>
    </message>
    <message>
      <source>&amp;Invoice to settle:</source>
      <translation>Fa&amp;cture à solder :</translation>
    </message>
    <message>
      <source>the invoice's balance</source>
      <translation>le solde de la facture</translation>
    </message>
    <message>
      <source>&amp;Kept amount (€):</source>
      <translation>Montan&amp;t conservé (€) :</translation>
    </message>
    <message>
      <source>Re&amp;turn the deposit</source>
      <translation>Ren&amp;dre la caution</translation>
    </message>
    <message>
      <source>Kee&amp;p for the invoice</source>
      <translation>Conser&amp;ver pour la facture</translation>
    </message>
    <message>
      <source>Settle the invoice from the selected deposit; the rest of it is returned</source>
      <translation>Solder la facture avec la caution choisie ; le reste est rendu</translation>
    </message>
    <message>
      <source>the cooperative's: %1</source>
      <translation>celui de la coopérative : %1</translation>
    </message>
    <message>
      <source>Deposit required: %1 — held: %2</source>
      <translation>Caution demandée : %1 — détenue : %2</translation>
    </message>
    <message>
      <source>%1 — %2 left to pay</source>
      <translation>%1 — %2 restant dû</translation>
    </message>
    <message>
      <source>Pricing saved.</source>
      <translation>Tarification enregistrée.</translation>
    </message>
    <message>
      <source>Deposit %1 recorded.</source>
      <translation>Caution %1 enregistrée.</translation>
    </message>
    <message>
      <source>Deposit %1 returned.</source>
      <translation>Caution %1 rendue.</translation>
    </message>
    <message>
      <source>%1 kept from deposit %2 for %3; the rest is returned.</source>
      <translation>%1 conservé sur la caution %2 pour %3 ; le reste est rendu.</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Détenue</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Rendue</translation>
    </message>
  </context>
  <context>
    <name>BookingTableModel</name>
    <message>
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <source>Pick-up</source>
      <translation>Retrait</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>Retour</translation>
    </message>
  </context>
  <context>
    <name>BookingsScreen</name>
    <message>
      <source>Search reference, customer, event, venue, item… (Ctrl+F)</source>
      <translation>Rechercher une référence, un client, un événement, un lieu, un matériel… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search bookings</source>
      <translation>Rechercher des réservations</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>Tous les états</translation>
    </message>
    <message>
      <source>Current (quote, confirmed, out)</source>
      <translation>En cours (devis, confirmées, sorties)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>All customers</source>
      <translation>Tous les clients</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <source>&amp;Between</source>
      <translation>&amp;Entre le</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>Bookings</source>
      <translation>Réservations</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>&amp;Rechercher</translation>
    </message>
    <message>
      <source>&amp;New booking…</source>
      <translation>&amp;Nouvelle réservation…</translation>
    </message>
    <message>
      <source>&amp;Open booking…</source>
      <translation>&amp;Ouvrir la réservation…</translation>
    </message>
    <message>
      <source>&amp;Duplicate…</source>
      <translation>&amp;Dupliquer…</translation>
    </message>
    <message>
      <source>&amp;Cancel booking…</source>
      <translation>&amp;Annuler la réservation…</translation>
    </message>
    <message>
      <source>&amp;Bookings</source>
      <translation>&amp;Réservations</translation>
    </message>
    <message>
      <source>No booking matches these filters. Widen the dates or clear the search, or create one with Ctrl+N.</source>
      <translation>Aucune réservation pour ces filtres. Élargissez les dates ou videz la recherche, ou créez-en une avec Ctrl+N.</translation>
    </message>
    <message>
      <source>No bookings yet. Create the first one with Ctrl+N.</source>
      <translation>Aucune réservation pour l’instant. Créez la première avec Ctrl+N.</translation>
    </message>
    <message numerus="yes">
      <source>%n bookings match: choose one with the arrows, then Enter.</source>
      <translation>
        <numerusform>%n réservation correspond : choisissez-la avec les flèches, puis Entrée.</numerusform>
        <numerusform>%n réservations correspondent : choisissez-en une avec les flèches, puis Entrée.</numerusform>
      </translation>
    </message>
    <message>
      <source>No booking matches %1.</source>
      <translation>Aucune réservation ne correspond à %1.</translation>
    </message>
    <message numerus="yes">
      <source>%Ln booking(s)</source>
      <translation>
        <numerusform>%Ln réservation</numerusform>
        <numerusform>%Ln réservations</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln booking(s) and more: counting…</source>
      <translation>
        <numerusform>%Ln réservation et plus : décompte en cours…</numerusform>
        <numerusform>%Ln réservations et plus : décompte en cours…</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 created from %2 (a quote: confirm it in the editor).</source>
      <translation>%1 créée à partir de %2 (un devis : confirmez-le dans l’éditeur).</translation>
    </message>
    <message>
      <source>Booking %1 cancelled; credit note %2 issued.</source>
      <translation>Réservation %1 annulée ; avoir %2 émis.</translation>
    </message>
    <message>
      <source>Booking %1 cancelled.</source>
      <translation>Réservation %1 annulée.</translation>
    </message>
    <message>
      <source>Cancel booking %1 (%2)? Its stock is released.</source>
      <translation>Annuler la réservation %1 (%2) ? Son matériel est libéré.</translation>
    </message>
    <message>
      <source>Cancel booking %1? Its stock is released.</source>
      <translation>Annuler la réservation %1 ? Son matériel est libéré.</translation>
    </message>
    <message>
      <source>Cancel booking</source>
      <translation>Annuler la réservation</translation>
    </message>
    <message>
      <source>Cancel an invoiced booking</source>
      <translation>Annuler une réservation facturée</translation>
    </message>
    <message>
      <source>Booking %1 is invoiced (%2). Cancelling it issues the credit note of what remains: %3 incl. VAT credited.</source>
      <translation>La réservation %1 est facturée (%2). L’annuler émet l’avoir de ce qui reste : %3 TTC crédités.</translation>
    </message>
    <message>
      <source>A credit note is numbered and final, like an invoice. The booking's stock is released.</source>
      <translation>Un avoir est numéroté et définitif, comme une facture. Le matériel de la réservation est libéré.</translation>
    </message>
    <message>
      <source>Cancel and issue the &amp;credit note</source>
      <translation>Annuler et émettre l’&amp;avoir</translation>
    </message>
    <message>
      <source>&amp;Keep the booking</source>
      <translation>&amp;Garder la réservation</translation>
    </message>
  </context>
  <context>
    <name>CasesScreen</name>
    <message>
      <source>Barcode</source>
      <translation>Code-barres</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Emplacement</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Unités</translation>
    </message>
    <message>
      <source>Flight-cases and racks</source>
      <translation>Flight-cases et racks</translation>
    </message>
    <message>
      <source>No case or rack yet. Name one below, then press Create case (Enter).</source>
      <translation>Aucun flight-case ni rack pour l’instant. Nommez-en un ci-dessous, puis Créer le flight-case (Entrée).</translation>
    </message>
    <message>
      <source>&amp;Cases</source>
      <translation>Flight-&amp;cases</translation>
    </message>
    <message>
      <source>&amp;New case</source>
      <translation>&amp;Nouveau flight-case</translation>
    </message>
    <message>
      <source>&amp;Fill by scanning</source>
      <translation>&amp;Remplir par scan</translation>
    </message>
    <message>
      <source>&amp;Take out</source>
      <translation>&amp;Sortir</translation>
    </message>
    <message>
      <source>&amp;Empty case</source>
      <translation>&amp;Vider le flight-case</translation>
    </message>
    <message>
      <source>New case</source>
      <translation>Nouveau flight-case</translation>
    </message>
    <message>
      <source>Scan an existing label, or leave empty to generate one</source>
      <translation>Scannez une étiquette existante, ou laissez vide pour en générer une</translation>
    </message>
    <message>
      <source>&amp;Permanent rack (keeps its contents)</source>
      <translation>Rack &amp;permanent (garde son contenu)</translation>
    </message>
    <message>
      <source>&amp;Create case</source>
      <translation>&amp;Créer le flight-case</translation>
    </message>
    <message>
      <source>Na&amp;me:</source>
      <translation>No&amp;m :</translation>
    </message>
    <message>
      <source>&amp;Barcode:</source>
      <translation>Code-&amp;barres :</translation>
    </message>
    <message>
      <source>&amp;Location:</source>
      <translation>Emp&amp;lacement :</translation>
    </message>
    <message>
      <source>Fill by scanning (F4)</source>
      <translation>Remplir par scan (F4)</translation>
    </message>
    <message>
      <source>Unit barcode, then Enter</source>
      <translation>Code-barres, puis Entrée</translation>
    </message>
    <message>
      <source>Scan a unit barcode, then Enter</source>
      <translation>Scannez le code-barres d’une unité, puis Entrée</translation>
    </message>
    <message>
      <source>Unit barcode to put in the case</source>
      <translation>Code-barres de l’unité à mettre dans le flight-case</translation>
    </message>
    <message>
      <source>Stop filling</source>
      <translation>Arrêter le remplissage</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Type de matériel</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>N° de série</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Contents of the case</source>
      <translation>Contenu du flight-case</translation>
    </message>
    <message>
      <source>Take out</source>
      <translation>Sortir</translation>
    </message>
    <message>
      <source>Take the selected units out (Del)</source>
      <translation>Sortir les unités sélectionnées (Suppr)</translation>
    </message>
    <message>
      <source>Choose a case in the list to see what it holds.</source>
      <translation>Choisissez un flight-case dans la liste pour voir ce qu’il contient.</translation>
    </message>
    <message>
      <source>This case is empty. Press F4, then scan units to fill it.</source>
      <translation>Ce flight-case est vide. Appuyez sur F4, puis scannez des unités pour le remplir.</translation>
    </message>
    <message>
      <source>Permanent rack</source>
      <translation>Rack permanent</translation>
    </message>
    <message>
      <source>Temporary case</source>
      <translation>Flight-case temporaire</translation>
    </message>
    <message>
      <source>Choose a case in the list, or create one.</source>
      <translation>Choisissez un flight-case dans la liste, ou créez-en un.</translation>
    </message>
    <message>
      <source>{name} — {barcode} ({kind}, {count} units)</source>
      <translation>{name} — {barcode} ({kind}, {count} unités)</translation>
    </message>
    <message>
      <source>Stop filling (Esc)</source>
      <translation>Arrêter le remplissage (Échap)</translation>
    </message>
    <message>
      <source>Fill mode: scan units one after the other. Escape to stop.</source>
      <translation>Mode remplissage : scannez les unités l’une après l’autre. Échap pour arrêter.</translation>
    </message>
    <message>
      <source>Added: {barcode} {item}</source>
      <translation>Ajouté : {barcode} {item}</translation>
    </message>
    <message numerus="yes">
      <source>Taken out: %n unit(s).</source>
      <translation>
        <numerusform>%n unité sortie.</numerusform>
        <numerusform>%n unités sorties.</numerusform>
      </translation>
    </message>
    <message>
      <source>Empty case</source>
      <translation>Vider le flight-case</translation>
    </message>
    <message>
      <source>Take every unit out of {name}?</source>
      <translation>Sortir toutes les unités de {name} ?</translation>
    </message>
    <message>
      <source>Case created.</source>
      <translation>Flight-case créé.</translation>
    </message>
  </context>
  <context>
    <name>ConnectionDialog</name>
    <message>
      <source>Connected: a Régie database.</source>
      <translation>Connecté : une base Régie.</translation>
    </message>
    <message>
      <source>Connected: an empty database; Régie will prepare it.</source>
      <translation>Connecté : une base vide ; Régie la préparera.</translation>
    </message>
    <message>
      <source>Connected, but this database holds other tables: it is not Régie's.</source>
      <translation>Connecté, mais cette base contient d’autres tables : ce n’est pas une base Régie.</translation>
    </message>
    <message>
      <source>Database — Régie</source>
      <translation>Base de données — Régie</translation>
    </message>
    <message>
      <source>Which database does this computer use?</source>
      <translation>Quelle base de données cet ordinateur utilise-t-il ?</translation>
    </message>
    <message>
      <source>A PostgreSQL &amp;server shared by the workstations</source>
      <translation>Un &amp;serveur PostgreSQL partagé par les postes</translation>
    </message>
    <message>
      <source>A &amp;file on this computer</source>
      <translation>Un &amp;fichier sur cet ordinateur</translation>
    </message>
    <message>
      <source>serveur.local or 192.168.1.10</source>
      <translation>serveur.local ou 192.168.1.10</translation>
    </message>
    <message>
      <source>&amp;Remember the password on this computer</source>
      <translation>&amp;Retenir le mot de passe sur cet ordinateur</translation>
    </message>
    <message>
      <source>Kept in a file of your user account that only you can read; else Régie asks for it at each start.</source>
      <translation>Conservé dans un fichier de votre compte que vous seul pouvez lire ; sinon Régie le demande à chaque démarrage.</translation>
    </message>
    <message>
      <source>&amp;Host:</source>
      <translation>&amp;Hôte :</translation>
    </message>
    <message>
      <source>P&amp;ort:</source>
      <translation>P&amp;ort :</translation>
    </message>
    <message>
      <source>&amp;Database:</source>
      <translation>&amp;Base :</translation>
    </message>
    <message>
      <source>&amp;User:</source>
      <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <source>Database file</source>
      <translation>Fichier de la base</translation>
    </message>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Parcourir…</translation>
    </message>
    <message>
      <source>&amp;Connect</source>
      <translation>&amp;Connecter</translation>
    </message>
    <message>
      <source>&amp;Test</source>
      <translation>&amp;Tester</translation>
    </message>
    <message>
      <source>Use the file on this &amp;computer</source>
      <translation>Utiliser le fichier de cet &amp;ordinateur</translation>
    </message>
    <message>
      <source>Work on this computer's own file for now (the server's data is not there); the server is tried again at the next start.</source>
      <translation>Travailler pour l’instant sur le fichier de cet ordinateur (les données du serveur n’y sont pas) ; le serveur est réessayé au prochain démarrage.</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>&amp;Réessayer</translation>
    </message>
    <message>
      <source>Choose the database file.</source>
      <translation>Choisissez le fichier de la base.</translation>
    </message>
    <message>
      <source>the host</source>
      <translation>l’hôte</translation>
    </message>
    <message>
      <source>the database</source>
      <translation>la base</translation>
    </message>
    <message>
      <source>the user</source>
      <translation>l’utilisateur</translation>
    </message>
    <message>
      <source>Type %1 of the PostgreSQL server.</source>
      <translation>Saisissez %1 du serveur PostgreSQL.</translation>
    </message>
    <message>
      <source>New database — Régie</source>
      <translation>Nouvelle base de données — Régie</translation>
    </message>
    <message>
      <source>There is no database at %1 yet. Régie will create a NEW database there, separate from the one you use: none of its data will be in it (the default file gets a demonstration cooperative).</source>
      <translation>Il n’y a pas encore de base de données à %1. Régie y créera une NOUVELLE base, distincte de celle que vous utilisez : aucune de ses données n’y sera (le fichier par défaut reçoit une coopérative de démonstration).</translation>
    </message>
    <message>
      <source>Create a &amp;new database</source>
      <translation>Créer une &amp;nouvelle base</translation>
    </message>
    <message>
      <source>Connecting…</source>
      <translation>Connexion…</translation>
    </message>
    <message>
      <source>Régie databases (*.db);;All files (*)</source>
      <translation>Bases Régie (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>The database could not be opened.</source>
      <translation>La base de données n’a pas pu être ouverte.</translation>
    </message>
  </context>
  <context>
    <name>CreditNoteDialog</name>
    <message>
      <source>Credit note on %1</source>
      <translation>Avoir sur %1</translation>
    </message>
    <message>
      <source>Tick the lines to credit: all that is left of each, or fewer units, or an amount excluding VAT. The credit note cites invoice %1.</source>
      <translation>Cochez les lignes à créditer : tout ce qui reste de chacune, moins d’unités ou un montant HT. L’avoir cite la facture %1.</translation>
    </message>
    <message>
      <source>Credit &amp;everything left</source>
      <translation>Créditer &amp;tout ce qui reste</translation>
    </message>
    <message>
      <source>Credit note totals</source>
      <translation>Totaux de l’avoir</translation>
    </message>
    <message>
      <source>&amp;Reason:</source>
      <translation>M&amp;otif :</translation>
    </message>
    <message>
      <source>e.g. two lights not used, billing mistake</source>
      <translation>ex. deux projecteurs non utilisés, erreur de facturation</translation>
    </message>
    <message>
      <source>&amp;Issue the credit note</source>
      <translation>&amp;Émettre l’avoir</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <source>Qty</source>
      <translation>Qté</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>Prix unitaire</translation>
    </message>
    <message>
      <source>Net</source>
      <translation>Montant HT</translation>
    </message>
    <message>
      <source>Credited</source>
      <translation>Déjà crédité</translation>
    </message>
    <message>
      <source>Units to credit</source>
      <translation>Unités à créditer</translation>
    </message>
    <message>
      <source>Amount excl. VAT</source>
      <translation>Montant HT</translation>
    </message>
    <message>
      <source>Invoice lines</source>
      <translation>Lignes de la facture</translation>
    </message>
    <message>
      <source>Credit line %1</source>
      <translation>Créditer la ligne %1</translation>
    </message>
    <message>
      <source>Units to credit on line %1</source>
      <translation>Unités à créditer sur la ligne %1</translation>
    </message>
    <message>
      <source>Amount to credit on line %1</source>
      <translation>Montant à créditer sur la ligne %1</translation>
    </message>
    <message>
      <source>Already fully credited</source>
      <translation>Déjà entièrement créditée</translation>
    </message>
    <message>
      <source>Tick at least one line to credit.</source>
      <translation>Cochez au moins une ligne à créditer.</translation>
    </message>
    <message>
      <source>Total excl. VAT</source>
      <translation>Total HT</translation>
    </message>
    <message>
      <source>VAT %1 %</source>
      <translation>TVA %1 %</translation>
    </message>
    <message>
      <source>Credit note incl. VAT</source>
      <translation>Avoir TTC</translation>
    </message>
  </context>
  <context>
    <name>CustomerDialog</name>
    <message>
      <source>Person</source>
      <translation>Personne</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Edit customer</source>
      <translation>Modifier le client</translation>
    </message>
    <message>
      <source>New customer</source>
      <translation>Nouveau client</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Qui</translation>
    </message>
    <message>
      <source>Address and contact</source>
      <translation>Adresse et contact</translation>
    </message>
    <message>
      <source>Notes:</source>
      <translation>Notes :</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Kind:</source>
      <translation>&amp;Type :</translation>
    </message>
    <message>
      <source>C&amp;ategory:</source>
      <translation>C&amp;atégorie :</translation>
    </message>
    <message>
      <source>Customer n&amp;umber:</source>
      <translation>N&amp;uméro client :</translation>
    </message>
    <message>
      <source>Given when left empty</source>
      <translation>Attribué s’il est laissé vide</translation>
    </message>
    <message>
      <source>&amp;SIRET:</source>
      <translation>&amp;SIRET :</translation>
    </message>
    <message>
      <source>14 digits; the SIREN follows from it</source>
      <translation>14 chiffres ; le SIREN s’en déduit</translation>
    </message>
    <message>
      <source>SI&amp;REN:</source>
      <translation>SI&amp;REN :</translation>
    </message>
    <message>
      <source>&amp;VAT number:</source>
      <translation>N° de T&amp;VA :</translation>
    </message>
    <message>
      <source>e.g. BE0403019261</source>
      <translation>p. ex. BE0403019261</translation>
    </message>
    <message>
      <source>Public &amp;buyer (Chorus Pro)</source>
      <translation>Ac&amp;heteur public (Chorus Pro)</translation>
    </message>
    <message>
      <source>Serv&amp;ice code:</source>
      <translation>Code serv&amp;ice :</translation>
    </message>
    <message>
      <source>Chorus Pro code, if any</source>
      <translation>Code Chorus Pro, s’il y en a un</translation>
    </message>
    <message>
      <source>&amp;E-mail:</source>
      <translation>&amp;E-mail :</translation>
    </message>
    <message>
      <source>&amp;Phone:</source>
      <translation>Télé&amp;phone :</translation>
    </message>
    <message>
      <source>A&amp;ddress:</source>
      <translation>A&amp;dresse :</translation>
    </message>
    <message>
      <source>P&amp;ostcode:</source>
      <translation>C&amp;ode postal :</translation>
    </message>
    <message>
      <source>&amp;City:</source>
      <translation>V&amp;ille :</translation>
    </message>
    <message>
      <source>Coun&amp;try:</source>
      <translation>Pa&amp;ys :</translation>
    </message>
  </context>
  <context>
    <name>CustomerTableModel</name>
    <message>
      <source>Number</source>
      <translation>Numéro</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Ville</translation>
    </message>
    <message>
      <source>Member today</source>
      <translation>Sociétaire ce jour</translation>
    </message>
    <message>
      <source>Member number %1</source>
      <translation>Numéro de sociétaire %1</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>no</source>
      <translation>non</translation>
    </message>
  </context>
  <context>
    <name>CustomersScreen</name>
    <message>
      <source>Customer details</source>
      <translation>Fiche du client</translation>
    </message>
    <message>
      <source>&amp;Memberships</source>
      <translation>A&amp;dhésions</translation>
    </message>
    <message>
      <source>C&amp;ontacts</source>
      <translation>C&amp;ontacts</translation>
    </message>
    <message>
      <source>Boo&amp;kings</source>
      <translation>Réser&amp;vations</translation>
    </message>
    <message>
      <source>Member number</source>
      <translation>N° de sociétaire</translation>
    </message>
    <message>
      <source>Valid from</source>
      <translation>Valable du</translation>
    </message>
    <message>
      <source>Valid to</source>
      <translation>Valable jusqu’au</translation>
    </message>
    <message>
      <source>Memberships</source>
      <translation>Adhésions</translation>
    </message>
    <message>
      <source>No membership. Add one below to get the member rate.</source>
      <translation>Aucune adhésion. Ajoutez-en une ci-dessous pour le tarif adhérent.</translation>
    </message>
    <message>
      <source>Member n&amp;umber:</source>
      <translation>N° de soci&amp;étaire :</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>jj/mm/aaaa</translation>
    </message>
    <message>
      <source>Valid &amp;from:</source>
      <translation>Valable à partir d&amp;u :</translation>
    </message>
    <message>
      <source>dd/mm/yyyy, empty: the membership year's end</source>
      <translation>jj/mm/aaaa, vide : fin de l’année d’adhésion</translation>
    </message>
    <message>
      <source>Valid &amp;to:</source>
      <translation>Valable jus&amp;qu’au :</translation>
    </message>
    <message>
      <source>&amp;Add membership</source>
      <translation>Ajouter l’ad&amp;hésion</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>Rôle</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>Contacts</translation>
    </message>
    <message>
      <source>No contact yet. Add one below.</source>
      <translation>Aucun contact pour l’instant. Ajoutez-en un ci-dessous.</translation>
    </message>
    <message>
      <source>Fu&amp;ll name:</source>
      <translation>Nom et &amp;prénom :</translation>
    </message>
    <message>
      <source>e.g. stage manager</source>
      <translation>par ex. régisseur général</translation>
    </message>
    <message>
      <source>&amp;Role:</source>
      <translation>Rô&amp;le :</translation>
    </message>
    <message>
      <source>E-ma&amp;il:</source>
      <translation>E-ma&amp;il :</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>&amp;Téléphone :</translation>
    </message>
    <message>
      <source>Add &amp;contact</source>
      <translation>A&amp;jouter le contact</translation>
    </message>
    <message>
      <source>Bookings</source>
      <translation>Réservations</translation>
    </message>
    <message>
      <source>No bookings for this customer yet. Ctrl+B creates one.</source>
      <translation>Aucune réservation pour ce client. Ctrl+B en crée une.</translation>
    </message>
    <message>
      <source>Enter or double-click opens the booking.</source>
      <translation>Entrée ou double-clic ouvre la réservation.</translation>
    </message>
    <message>
      <source>No customer selected</source>
      <translation>Aucun client sélectionné</translation>
    </message>
    <message>
      <source>open-ended</source>
      <translation>sans fin</translation>
    </message>
    <message>
      <source>Valid today</source>
      <translation>Valable aujourd’hui</translation>
    </message>
    <message>
      <source>Boo&amp;kings (%1)</source>
      <translation>Réser&amp;vations (%1)</translation>
    </message>
    <message>
      <source>Public buyer (Chorus Pro)</source>
      <translation>Acheteur public (Chorus Pro)</translation>
    </message>
    <message>
      <source>service code %1</source>
      <translation>code service %1</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numéro</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>SIRET</source>
      <translation>SIRET</translation>
    </message>
    <message>
      <source>SIREN</source>
      <translation>SIREN</translation>
    </message>
    <message>
      <source>VAT number</source>
      <translation>N° de TVA</translation>
    </message>
    <message>
      <source>Invoicing</source>
      <translation>Facturation</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>E&amp;xport personal data…</source>
      <translation>E&amp;xporter les données personnelles…</translation>
    </message>
    <message>
      <source>Export data</source>
      <translation>Exporter les données</translation>
    </message>
    <message>
      <source>&amp;Anonymise customer…</source>
      <translation>&amp;Anonymiser le client…</translation>
    </message>
    <message>
      <source>Anonymise</source>
      <translation>Anonymiser</translation>
    </message>
    <message>
      <source>Personal-data requests are answered by an administrator.</source>
      <translation>Les demandes sur les données personnelles sont traitées par un administrateur.</translation>
    </message>
    <message>
      <source>Export personal data</source>
      <translation>Exporter les données personnelles</translation>
    </message>
    <message>
      <source>JSON files (*.json)</source>
      <translation>Fichiers JSON (*.json)</translation>
    </message>
    <message>
      <source>Personal data written to %1.</source>
      <translation>Données personnelles écrites dans %1.</translation>
    </message>
    <message>
      <source>Anonymise customer</source>
      <translation>Anonymiser le client</translation>
    </message>
    <message>
      <source>Anonymise %1 (%2)? This cannot be undone.</source>
      <translation>Anonymiser %1 (%2) ? C'est irréversible.</translation>
    </message>
    <message>
      <source>Its name becomes “Anonymisé %1”; its address, e-mail, phone, identifiers and notes are erased, its contacts deleted, and the event, venue and notes of its bookings emptied. Issued invoices and credit notes stay exactly as issued (legal records).</source>
      <translation>Son nom devient « Anonymisé %1 » ; son adresse, son e-mail, son téléphone, ses identifiants et ses notes sont effacés, ses contacts supprimés, et l'événement, le lieu et les notes de ses réservations vidés. Les factures et avoirs émis restent exactement tels qu'émis (pièces légales).</translation>
    </message>
    <message>
      <source>&amp;Anonymise</source>
      <translation>&amp;Anonymiser</translation>
    </message>
    <message>
      <source>Customer %1 anonymised; its issued documents are kept.</source>
      <translation>Client %1 anonymisé ; ses documents émis sont conservés.</translation>
    </message>
    <message>
      <source>Search customers</source>
      <translation>Rechercher des clients</translation>
    </message>
    <message>
      <source>Search name, number, city, e-mail, SIRET, member number… (Ctrl+F)</source>
      <translation>Rechercher un nom, un numéro, une ville, un e-mail, un SIRET, un numéro de sociétaire… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>Clients</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>&amp;Rechercher</translation>
    </message>
    <message>
      <source>&amp;New customer…</source>
      <translation>&amp;Nouveau client…</translation>
    </message>
    <message>
      <source>&amp;Edit customer…</source>
      <translation>&amp;Modifier le client…</translation>
    </message>
    <message>
      <source>New &amp;booking for this customer…</source>
      <translation>Nouvelle réservation pour ce &amp;client…</translation>
    </message>
    <message>
      <source>C&amp;ustomers</source>
      <translation>Clie&amp;nts</translation>
    </message>
    <message>
      <source>No customer matches this search. Clear it, or create the customer with Ctrl+N.</source>
      <translation>Aucun client ne correspond à cette recherche. Videz-la, ou créez le client avec Ctrl+N.</translation>
    </message>
    <message>
      <source>No customers yet. Create the first one with Ctrl+N.</source>
      <translation>Aucun client pour l’instant. Créez le premier avec Ctrl+N.</translation>
    </message>
    <message numerus="yes">
      <source>%Ln customer(s)</source>
      <translation>
        <numerusform>%Ln client</numerusform>
        <numerusform>%Ln clients</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DamageChargeDialog</name>
    <message>
      <source>Damage charge — {ref}</source>
      <translation>Frais de casse — {ref}</translation>
    </message>
    <message>
      <source>The repair cost of pieces that came back damaged, after inspection. It goes on the booking's next invoice, or on an invoice of its own (the draft invoice's “Only the damage and loss charges”).</source>
      <translation>Le coût de réparation des pièces revenues abîmées, après inspection. Il va sur la prochaine facture de la réservation, ou sur une facture à part (« Seulement les dommages et pertes » du brouillon de facture).</translation>
    </message>
    <message>
      <source>&amp;Item type:</source>
      <translation>&amp;Type d’article :</translation>
    </message>
    <message>
      <source>&amp;Pieces:</source>
      <translation>&amp;Pièces :</translation>
    </message>
    <message>
      <source>&amp;Amount (€ excl. VAT):</source>
      <translation>&amp;Montant (€ HT) :</translation>
    </message>
    <message>
      <source>e.g. cracked lens (printed on the invoice)</source>
      <translation>p. ex. lentille fêlée (imprimé sur la facture)</translation>
    </message>
    <message>
      <source>&amp;What was damaged:</source>
      <translation>&amp;Ce qui a été abîmé :</translation>
    </message>
    <message>
      <source>&amp;Record the charge</source>
      <translation>&amp;Enregistrer les frais</translation>
    </message>
    <message>
      <source>This booking has no equipment.</source>
      <translation>Cette réservation n’a pas de matériel.</translation>
    </message>
    <message>
      <source>Came back damaged: {damaged}; already charged: {charged}.</source>
      <translation>Revenues abîmées : {damaged} ; déjà facturées : {charged}.</translation>
    </message>
  </context>
  <context>
    <name>Dashboard</name>
    <message>
      <source>When</source>
      <translation>Quand</translation>
    </message>
    <message>
      <source>Booking</source>
      <translation>Réservation</translation>
    </message>
    <message>
      <source>Customer · event</source>
      <translation>Client · événement</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>Pick-ups today</source>
      <translation>Retraits du jour</translation>
    </message>
    <message>
      <source>Returns due today</source>
      <translation>Retours attendus aujourd’hui</translation>
    </message>
    <message>
      <source>Late returns</source>
      <translation>Retours en retard</translation>
    </message>
    <message>
      <source>Shortages in the next 14 days</source>
      <translation>Manques dans les 14 prochains jours</translation>
    </message>
    <message>
      <source>From</source>
      <translation>À partir du</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Type de matériel</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Manquants</translation>
    </message>
    <message>
      <source>Overdue inspections</source>
      <translation>Contrôles en retard</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Unité</translation>
    </message>
    <message>
      <source>Type · check</source>
      <translation>Type · contrôle</translation>
    </message>
    <message>
      <source>Overdue invoices</source>
      <translation>Factures échues impayées</translation>
    </message>
    <message>
      <source>Invoice</source>
      <translation>Facture</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Left to pay</source>
      <translation>Reste à payer</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>&amp;Actualiser</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Chargement…</translation>
    </message>
    <message>
      <source>Today, %1</source>
      <translation>Aujourd’hui, %1</translation>
    </message>
    <message>
      <source>%1 overdue in all</source>
      <translation>%1 échus au total</translation>
    </message>
    <message>
      <source>Nothing today.</source>
      <translation>Rien aujourd’hui.</translation>
    </message>
    <message>
      <source>No late return.</source>
      <translation>Aucun retour en retard.</translation>
    </message>
    <message>
      <source>No shortage.</source>
      <translation>Aucun manque.</translation>
    </message>
    <message>
      <source>Every inspection is up to date.</source>
      <translation>Tous les contrôles sont à jour.</translation>
    </message>
    <message>
      <source>No overdue invoice.</source>
      <translation>Aucune facture échue impayée.</translation>
    </message>
    <message>
      <source>The first %1 of %2.</source>
      <translation>Les %1 premiers sur %2.</translation>
    </message>
  </context>
  <context>
    <name>DemoSwitch</name>
    <message>
      <source>Open my cooperative — Régie</source>
      <translation>Ouvrir ma coopérative — Régie</translation>
    </message>
    <message>
      <source>Your cooperative is set up already: its database is {path}. Open it now, in place of this one?</source>
      <translation>Votre coopérative est déjà configurée : sa base est {path}. L’ouvrir maintenant, à la place de celle-ci ?</translation>
    </message>
    <message>
      <source>&amp;Open my cooperative</source>
      <translation>&amp;Ouvrir ma coopérative</translation>
    </message>
  </context>
  <context>
    <name>DeskLogin</name>
    <message>
      <source>Scan your badge</source>
      <translation>Scannez votre badge</translation>
    </message>
    <message>
      <source>…or type your name and password.</source>
      <translation>…ou tapez votre nom et votre mot de passe.</translation>
    </message>
    <message>
      <source>&amp;Log out</source>
      <translation>Se décon&amp;necter</translation>
    </message>
    <message>
      <source>Log out</source>
      <translation>Se déconnecter</translation>
    </message>
    <message>
      <source>%1 is at the desk</source>
      <translation>%1 est au comptoir</translation>
    </message>
    <message>
      <source>The next scans are recorded under their name.</source>
      <translation>Les prochains scans sont enregistrés à son nom.</translation>
    </message>
    <message numerus="yes">
      <source>Logged out after %n minute(s) without activity.</source>
      <translation>
        <numerusform>Déconnecté après %n minute sans activité.</numerusform>
        <numerusform>Déconnecté après %n minutes sans activité.</numerusform>
      </translation>
    </message>
    <message>
      <source>Badge refused</source>
      <translation>Badge refusé</translation>
    </message>
  </context>
  <context>
    <name>DeskScreen</name>
    <message>
      <source>Check-&amp;out</source>
      <translation>&amp;Sortie</translation>
    </message>
    <message>
      <source>Check-&amp;in</source>
      <translation>&amp;Retour</translation>
    </message>
    <message>
      <source>Next scan &amp;damaged</source>
      <translation>Prochain scan &amp;abîmé</translation>
    </message>
    <message>
      <source>Damaged</source>
      <translation>Abîmés</translation>
    </message>
    <message>
      <source>Declare &amp;missing</source>
      <translation>Déclarer &amp;manquant</translation>
    </message>
    <message>
      <source>Missing</source>
      <translation>Manquants</translation>
    </message>
    <message>
      <source>&amp;Finish the booking</source>
      <translation>&amp;Terminer la réservation</translation>
    </message>
    <message>
      <source>Finish</source>
      <translation>Terminer</translation>
    </message>
    <message>
      <source>&amp;Undo the last scan</source>
      <translation>&amp;Annuler le dernier scan</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>&amp;Quantity of the next bulk scan</source>
      <translation>&amp;Quantité du prochain scan en vrac</translation>
    </message>
    <message>
      <source>&amp;Scan field</source>
      <translation>Champ de &amp;scan</translation>
    </message>
    <message>
      <source>&amp;Print the pick list</source>
      <translation>&amp;Imprimer la liste de préparation</translation>
    </message>
    <message>
      <source>Pick list</source>
      <translation>Liste de préparation</translation>
    </message>
    <message>
      <source>Print the delivery note or return &amp;report</source>
      <translation>Imprimer le bon de sortie ou le ra&amp;pport de retour</translation>
    </message>
    <message>
      <source>Save the delivery note or return report as P&amp;DF</source>
      <translation>Enregistrer le bon de sortie ou le rapport de retour en P&amp;DF</translation>
    </message>
    <message>
      <source>&amp;Desk</source>
      <translation>&amp;Comptoir</translation>
    </message>
    <message>
      <source>Station: %1</source>
      <translation>Poste : %1</translation>
    </message>
    <message>
      <source>* quantity, then scan (Enter optional)</source>
      <translation>* quantité, puis scan (Entrée facultative)</translation>
    </message>
    <message>
      <source>NEXT SCAN: DAMAGED</source>
      <translation>PROCHAIN SCAN : ABÎMÉ</translation>
    </message>
    <message>
      <source>NEXT SCAN: MISSING</source>
      <translation>PROCHAIN SCAN : MANQUANT</translation>
    </message>
    <message>
      <source>Logged in: %1</source>
      <translation>Connecté : %1</translation>
    </message>
    <message>
      <source>Booking %1 open</source>
      <translation>Réservation %1 ouverte</translation>
    </message>
    <message>
      <source>Scan its units, cases and bulk codes. F10 when finished.</source>
      <translation>Scannez ses unités, flight-cases et codes vrac. F10 pour terminer.</translation>
    </message>
    <message>
      <source>Scan what comes back. F10: the return report.</source>
      <translation>Scannez ce qui rentre. F10 : le rapport de retour.</translation>
    </message>
    <message>
      <source>Read %1 as %2: the scanner is set up for another keyboard layout.</source>
      <translation>%1 lu comme %2 : la douchette est réglée pour une autre disposition de clavier.</translation>
    </message>
    <message>
      <source>%1 returned: everything is back</source>
      <translation>%1 rendue : tout est rentré</translation>
    </message>
    <message>
      <source>Checked in damaged · %1</source>
      <translation>Rentré abîmé · %1</translation>
    </message>
    <message>
      <source>Declared missing · %1</source>
      <translation>Déclaré manquant · %1</translation>
    </message>
    <message>
      <source>Undone</source>
      <translation>Annulé</translation>
    </message>
    <message>
      <source>Late return · %1</source>
      <translation>Retour en retard · %1</translation>
    </message>
    <message>
      <source>Lines of the booking</source>
      <translation>Lignes de la réservation</translation>
    </message>
    <message>
      <source>Nothing is booked yet. Scan an item: A adds it as an unplanned item.</source>
      <translation>Rien n’est encore réservé. Scannez un matériel : A l’ajoute en imprévu.</translation>
    </message>
    <message>
      <source>Scan a booking's reference on its pick list, or choose it among the departures (arrows, Enter).</source>
      <translation>Scannez la référence de la réservation sur sa liste de préparation, ou choisissez-la parmi les départs (flèches, Entrée).</translation>
    </message>
    <message>
      <source>Scan a unit: the desk finds the booking it is out on.</source>
      <translation>Scannez une unité : le comptoir retrouve la réservation sur laquelle elle est sortie.</translation>
    </message>
    <message>
      <source>Pick-up %1   →   return %2</source>
      <translation>Départ %1   →   retour %2</translation>
    </message>
    <message>
      <source>Partly picked</source>
      <translation>En partie sorti</translation>
    </message>
    <message>
      <source>Partly back</source>
      <translation>En partie rentré</translation>
    </message>
    <message>
      <source>All picked</source>
      <translation>Tout sorti</translation>
    </message>
    <message>
      <source>All back</source>
      <translation>Tout rentré</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Matériel</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Picked</source>
      <translation>Sortis</translation>
    </message>
    <message>
      <source>To pick</source>
      <translation>Reste</translation>
    </message>
    <message>
      <source>Back</source>
      <translation>Rentrés</translation>
    </message>
    <message>
      <source>Still out</source>
      <translation>Dehors</translation>
    </message>
    <message>
      <source>Pick-up</source>
      <translation>Départ</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>Retour prévu</translation>
    </message>
    <message>
      <source>Booking</source>
      <translation>Réservation</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>late · %1</source>
      <translation>en retard · %1</translation>
    </message>
    <message>
      <source>Late: it should have left</source>
      <translation>En retard : elle aurait dû partir</translation>
    </message>
    <message>
      <source>Late: it should be back</source>
      <translation>En retard : elle aurait dû rentrer</translation>
    </message>
    <message>
      <source>Today %1</source>
      <translation>Aujourd’hui %1</translation>
    </message>
    <message>
      <source>Tomorrow %1</source>
      <translation>Demain %1</translation>
    </message>
    <message>
      <source>Check-out</source>
      <translation>Sortie</translation>
    </message>
    <message>
      <source>Check-in</source>
      <translation>Retour</translation>
    </message>
    <message>
      <source>Not enough stock</source>
      <translation>Stock insuffisant</translation>
    </message>
    <message>
      <source>Refused</source>
      <translation>Refusé</translation>
    </message>
    <message>
      <source>Pick list of %1</source>
      <translation>Liste de préparation de %1</translation>
    </message>
    <message>
      <source>pick-list-%1.pdf</source>
      <translation>liste-de-preparation-%1.pdf</translation>
    </message>
    <message>
      <source>Delivery note of %1</source>
      <translation>Bon de sortie de %1</translation>
    </message>
    <message>
      <source>delivery-note-%1.pdf</source>
      <translation>bon-de-sortie-%1.pdf</translation>
    </message>
    <message>
      <source>Return report of %1</source>
      <translation>Rapport de retour de %1</translation>
    </message>
    <message>
      <source>return-report-%1.pdf</source>
      <translation>rapport-de-retour-%1.pdf</translation>
    </message>
    <message>
      <source>No booking open</source>
      <translation>Aucune réservation ouverte</translation>
    </message>
    <message>
      <source>Scan a booking's reference or choose a departure first.</source>
      <translation>Scannez d’abord la référence d’une réservation ou choisissez un départ.</translation>
    </message>
    <message>
      <source>PDF documents (*.pdf)</source>
      <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Printing…</source>
      <translation>Impression…</translation>
    </message>
    <message>
      <source>Sent to the printer</source>
      <translation>Envoyé à l’imprimante</translation>
    </message>
    <message>
      <source>Not printed</source>
      <translation>Non imprimé</translation>
    </message>
    <message>
      <source>Answer to the last scan</source>
      <translation>Réponse au dernier scan</translation>
    </message>
    <message>
      <source>Not saved yet: %1</source>
      <translation>Pas encore enregistré : %1</translation>
    </message>
    <message>
      <source>Not saved yet</source>
      <translation>Pas encore enregistré</translation>
    </message>
    <message>
      <source>Kept pending: Régie tries again until it is saved; keep scanning, nothing is lost.</source>
      <translation>En attente : Régie réessaie jusqu’à l’enregistrement ; continuez à scanner, rien n’est perdu.</translation>
    </message>
    <message>
      <source>Ignore</source>
      <translation>Ignorer</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>%1 is not booked.   A: add it as an unplanned item   ·   S: substitute it for a booked type   ·   Esc: ignore</source>
      <translation>%1 n’est pas réservé.   A : l’ajouter en imprévu   ·   S : le substituer à un type réservé   ·   Échap : ignorer</translation>
    </message>
    <message>
      <source>Next scan: damaged</source>
      <translation>Prochain scan : abîmé</translation>
    </message>
    <message>
      <source>Scan the damaged unit; you will be asked what is wrong.</source>
      <translation>Scannez l’unité abîmée ; le comptoir vous demandera ce qui ne va pas.</translation>
    </message>
    <message>
      <source>Next scan: missing</source>
      <translation>Prochain scan : manquant</translation>
    </message>
    <message>
      <source>Scan the unit's label, or choose it in the list of units still out and press Enter.</source>
      <translation>Scannez l’étiquette de l’unité, ou choisissez-la dans la liste des unités encore dehors et appuyez sur Entrée.</translation>
    </message>
    <message>
      <source>%1 comes back damaged: what is wrong with it?</source>
      <translation>%1 revient abîmé : qu’est-ce qui ne va pas ?</translation>
    </message>
    <message>
      <source>Damaged · %1</source>
      <translation>Abîmé · %1</translation>
    </message>
    <message>
      <source>Type a note, then Enter: it goes to repair. Esc: not checked in.</source>
      <translation>Tapez une note, puis Entrée : l’unité part en réparation. Échap : non rentrée.</translation>
    </message>
    <message>
      <source>Not checked in · %1</source>
      <translation>Non rentré · %1</translation>
    </message>
    <message>
      <source>P: print the delivery note</source>
      <translation>P : imprimer le bon de sortie</translation>
    </message>
    <message>
      <source>P: print the return report</source>
      <translation>P : imprimer le rapport de retour</translation>
    </message>
    <message>
      <source>S: save it as PDF</source>
      <translation>S : l’enregistrer en PDF</translation>
    </message>
    <message>
      <source>Enter: next booking</source>
      <translation>Entrée : réservation suivante</translation>
    </message>
    <message>
      <source>Esc: back to the scans</source>
      <translation>Échap : retour aux scans</translation>
    </message>
    <message>
      <source>Summary of %1</source>
      <translation>Bilan de %1</translation>
    </message>
    <message>
      <source>%1: everything booked has left</source>
      <translation>%1 : tout le matériel réservé est parti</translation>
    </message>
    <message>
      <source>%1: nothing has left yet</source>
      <translation>%1 : rien n’est encore sorti</translation>
    </message>
    <message>
      <source>%1: not everything has left</source>
      <translation>%1 : tout n’est pas sorti</translation>
    </message>
    <message>
      <source>%1 of %2 did not go</source>
      <translation>%1 sur %2 ne sont pas partis</translation>
    </message>
    <message>
      <source>%1: return report</source>
      <translation>%1 : rapport de retour</translation>
    </message>
    <message numerus="yes">
      <source>%n still out</source>
      <translation>
        <numerusform>%n encore dehors</numerusform>
        <numerusform>%n encore dehors</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n damaged</source>
      <translation>
        <numerusform>%n abîmé</numerusform>
        <numerusform>%n abîmés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n missing</source>
      <translation>
        <numerusform>%n manquant</numerusform>
        <numerusform>%n manquants</numerusform>
      </translation>
    </message>
    <message>
      <source>Not on this booking</source>
      <translation>Pas sur cette réservation</translation>
    </message>
    <message>
      <source>Booked types to substitute</source>
      <translation>Types réservés à remplacer</translation>
    </message>
    <message>
      <source>Nothing booked is left to pick. Esc: ignore this scan, or A: add it as an unplanned item.</source>
      <translation>Plus rien de réservé à préparer. Échap : ignorer ce scan, ou A : l’ajouter en imprévu.</translation>
    </message>
    <message>
      <source>What is damaged</source>
      <translation>Ce qui est abîmé</translation>
    </message>
    <message>
      <source>What is damaged? (Enter to check it in, Esc to cancel)</source>
      <translation>Qu’est-ce qui est abîmé ? (Entrée pour la rentrer, Échap pour annuler)</translation>
    </message>
    <message>
      <source>Summary of the booking</source>
      <translation>Bilan de la réservation</translation>
    </message>
    <message>
      <source>What did not go or is not back</source>
      <translation>Ce qui n’est pas parti ou pas rentré</translation>
    </message>
    <message>
      <source>Everything booked has left. P: print the delivery note, Enter: next booking.</source>
      <translation>Tout ce qui était réservé est parti. P : imprimer le bon de sortie, Entrée : réservation suivante.</translation>
    </message>
    <message>
      <source>Everything is back, nothing damaged or missing. P: print the return report, Enter: next booking.</source>
      <translation>Tout est rentré, rien d’abîmé ni de manquant. P : imprimer le rapport de retour, Entrée : réservation suivante.</translation>
    </message>
    <message>
      <source>Check-out  F5</source>
      <translation>Sortie  F5</translation>
    </message>
    <message>
      <source>Check-in  F6</source>
      <translation>Retour  F6</translation>
    </message>
    <message>
      <source>Scan field</source>
      <translation>Champ de scan</translation>
    </message>
    <message>
      <source>Quantity of the next bulk scan (*)</source>
      <translation>Quantité du prochain scan en vrac (*)</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantité</translation>
    </message>
    <message>
      <source>Qty (*)</source>
      <translation>Qté (*)</translation>
    </message>
    <message>
      <source>Retry now</source>
      <translation>Réessayer maintenant</translation>
    </message>
    <message>
      <source>undo</source>
      <translation>annulation</translation>
    </message>
    <message numerus="yes">
      <source>%n scan(s) pending</source>
      <translation>
        <numerusform>%n scan en attente</numerusform>
        <numerusform>%n scans en attente</numerusform>
      </translation>
    </message>
    <message>
      <source>Not saved yet, tried again until saved: %1</source>
      <translation>Pas encore enregistré, réessayé jusqu’à l’enregistrement : %1</translation>
    </message>
    <message>
      <source>Booking, then its kit</source>
      <translation>Réservation, puis matériel</translation>
    </message>
    <message>
      <source>Scan the booking, then its kit</source>
      <translation>Scannez la réservation, puis son matériel</translation>
    </message>
    <message>
      <source>Scan what comes back</source>
      <translation>Scannez ce qui rentre</translation>
    </message>
    <message>
      <source>Late</source>
      <translation>En retard</translation>
    </message>
    <message>
      <source>Departures</source>
      <translation>Départs</translation>
    </message>
    <message>
      <source>Returns due</source>
      <translation>Retours attendus</translation>
    </message>
    <message>
      <source>Units still out</source>
      <translation>Unités encore dehors</translation>
    </message>
    <message>
      <source>Bulk still out (* then a quantity, then the label)</source>
      <translation>Vrac encore dehors (* puis une quantité, puis l’étiquette)</translation>
    </message>
    <message>
      <source>Bulk still out</source>
      <translation>Vrac encore dehors</translation>
    </message>
    <message>
      <source>Nothing left to pick today or tomorrow. Scan the reference on a booking's pick list to open it.</source>
      <translation>Rien à sortir aujourd’hui ni demain. Scannez la référence sur la liste de préparation d’une réservation pour l’ouvrir.</translation>
    </message>
    <message>
      <source>Nothing due back today or tomorrow. Scan a unit that comes back: the desk finds its booking.</source>
      <translation>Aucun retour attendu aujourd’hui ni demain. Scannez une unité qui rentre : le comptoir retrouve sa réservation.</translation>
    </message>
    <message>
      <source>Nothing of this booking is still out. F10: the return report.</source>
      <translation>Plus rien de cette réservation n’est dehors. F10 : le rapport de retour.</translation>
    </message>
    <message>
      <source>Still to leave: today, tomorrow, late</source>
      <translation>Reste à sortir : aujourd’hui, demain, en retard</translation>
    </message>
    <message>
      <source>Due back: today, tomorrow, late</source>
      <translation>Retours attendus : aujourd’hui, demain, en retard</translation>
    </message>
    <message>
      <source>Still out (F8: declare missing)</source>
      <translation>Encore dehors (F8 : déclarer manquant)</translation>
    </message>
    <message>
      <source>%1 × %2   %3</source>
      <translation>%1 × %2   %3</translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message>
      <source>Duplicate %1</source>
      <translation>Dupliquer %1</translation>
    </message>
    <message>
      <source>A new quote with the same customer, event and lines; its dates move with the new pick-up.</source>
      <translation>Un nouveau devis avec le même client, le même événement et les mêmes lignes ; ses dates suivent le nouveau retrait.</translation>
    </message>
    <message>
      <source>New &amp;pick-up:</source>
      <translation>Nouveau &amp;retrait :</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <source>Régie — unexpected error</source>
      <translation>Régie — erreur inattendue</translation>
    </message>
    <message>
      <source>Régie — not allowed</source>
      <translation>Régie — non autorisé</translation>
    </message>
    <message>
      <source>Régie — action refused</source>
      <translation>Régie — action refusée</translation>
    </message>
    <message>
      <source>What you were doing was not finished. The details were written to the log file:</source>
      <translation>Ce que vous faisiez n’a pas été terminé. Les détails ont été écrits dans le journal :</translation>
    </message>
    <message>
      <source>What you were doing was not finished. No log file could be written; use Copy details to keep them.</source>
      <translation>Ce que vous faisiez n’a pas été terminé. Aucun journal n’a pu être écrit ; utilisez « Copier les détails » pour les garder.</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
    <message>
      <source>&amp;Copy details</source>
      <translation>&amp;Copier les détails</translation>
    </message>
    <message>
      <source>Copy the details to paste them into a message</source>
      <translation>Copier les détails pour les coller dans un message</translation>
    </message>
    <message>
      <source>Show &amp;details</source>
      <translation>Afficher les &amp;détails</translation>
    </message>
    <message>
      <source>Copied</source>
      <translation>Copié</translation>
    </message>
  </context>
  <context>
    <name>ErrorListDialog</name>
    <message>
      <source>Details</source>
      <translation>Détails</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <source>Export for the accountant</source>
      <translation>Export pour la comptabilité</translation>
    </message>
    <message>
      <source>First day</source>
      <translation>Premier jour</translation>
    </message>
    <message>
      <source>Last day</source>
      <translation>Dernier jour</translation>
    </message>
    <message>
      <source>to</source>
      <translation>au</translation>
    </message>
    <message>
      <source>FEC (accounting software import)</source>
      <translation>FEC (import dans le logiciel comptable)</translation>
    </message>
    <message>
      <source>CSV for a spreadsheet</source>
      <translation>CSV pour un tableur</translation>
    </message>
    <message>
      <source>E-reporting transaction data (CSV)</source>
      <translation>Données de transaction e-reporting (CSV)</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>C&amp;hoisir…</translation>
    </message>
    <message>
      <source>Choose the file</source>
      <translation>Choisir le fichier</translation>
    </message>
    <message>
      <source>&amp;Period:</source>
      <translation>&amp;Période :</translation>
    </message>
    <message>
      <source>F&amp;ormat:</source>
      <translation>F&amp;ormat :</translation>
    </message>
    <message>
      <source>&amp;File:</source>
      <translation>&amp;Fichier :</translation>
    </message>
    <message>
      <source>The invoices and credit notes issued in the period and the payments received, as balanced entries with the account numbers set here; or the e-reporting data of the sales that are not e-invoiced.</source>
      <translation>Les factures et avoirs émis sur la période et les règlements reçus, en écritures équilibrées avec les numéros de compte réglés ici ; ou les données e-reporting des ventes hors facturation électronique.</translation>
    </message>
    <message>
      <source>&amp;Account numbers…</source>
      <translation>&amp;Numéros de compte…</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Exporter</translation>
    </message>
    <message>
      <source>FEC text files (*.txt)</source>
      <translation>Fichiers texte FEC (*.txt)</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <source>Export to</source>
      <translation>Exporter vers</translation>
    </message>
    <message>
      <source>Give the file to write.</source>
      <translation>Indiquez le fichier à écrire.</translation>
    </message>
    <message>
      <source>The period ends before it starts.</source>
      <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Export en cours…</translation>
    </message>
    <message numerus="yes">
      <source>%n e-reporting row(s) written to %1.</source>
      <translation>
        <numerusform>%n ligne e-reporting écrite dans %1.</numerusform>
        <numerusform>%n lignes e-reporting écrites dans %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n accounting entry(ies) written to %1.</source>
      <translation>
        <numerusform>%n écriture comptable écrite dans %1.</numerusform>
        <numerusform>%n écritures comptables écrites dans %1.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FileDialog</name>
    <message>
      <source>Folder</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <source>%1 file</source>
      <translation>Fichier %1</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Voir dans :</translation>
    </message>
    <message>
      <source>Files of type:</source>
      <translation>Fichiers de type :</translation>
    </message>
  </context>
  <context>
    <name>FirstStart</name>
    <message>
      <source>Régie could not write the demo database in {folder} ({reason}).</source>
      <translation>Régie n’a pas pu écrire la base de démonstration dans {folder} ({reason}).</translation>
    </message>
    <message>
      <source>Preparing the demo failed ({reason}).</source>
      <translation>La préparation de la démonstration a échoué ({reason}).</translation>
    </message>
    <message>
      <source>Another Régie window is preparing the demo; waiting for it…</source>
      <translation>Une autre fenêtre de Régie prépare la démonstration ; en attente…</translation>
    </message>
    <message>
      <source>Creating the catalogue: item types, units, cases and kits…</source>
      <translation>Création du catalogue : types de matériel, unités, flight-cases et kits…</translation>
    </message>
    <message>
      <source>Creating the customers and a year of bookings…</source>
      <translation>Création des clients et d’une année de réservations…</translation>
    </message>
    <message>
      <source>Setting the rates; issuing invoices, credit notes and payments…</source>
      <translation>Mise en place des tarifs ; émission des factures, avoirs et paiements…</translation>
    </message>
    <message>
      <source>Writing the invoices' PDF files: {done} of {total}…</source>
      <translation>Écriture des PDF des factures : {done} sur {total}…</translation>
    </message>
    <message>
      <source>Finishing…</source>
      <translation>Finalisation…</translation>
    </message>
    <message>
      <source>Starting…</source>
      <translation>Démarrage…</translation>
    </message>
    <message>
      <source>Welcome to Régie</source>
      <translation>Bienvenue dans Régie</translation>
    </message>
    <message>
      <source>Régie manages a cooperative's stage equipment: catalogue, bookings, the warehouse desk, invoices. How would you like to start?</source>
      <translation>Régie gère le matériel scénique d’une coopérative : catalogue, réservations, comptoir du dépôt, factures. Comment voulez-vous commencer ?</translation>
    </message>
    <message>
      <source>&amp;Explore the demo cooperative</source>
      <translation>&amp;Explorer la coopérative de démonstration</translation>
    </message>
    <message>
      <source>A fictitious cooperative with a catalogue, customers, a year of bookings and invoices, to try every area. Its documents are marked DÉMO; your own data is never mixed with it.</source>
      <translation>Une coopérative fictive, avec un catalogue, des clients, une année de réservations et de factures, pour essayer chaque espace. Ses documents portent la mention DÉMO ; vos propres données ne s’y mélangent jamais.</translation>
    </message>
    <message>
      <source>&amp;Set up my cooperative</source>
      <translation>&amp;Configurer ma coopérative</translation>
    </message>
    <message>
      <source>A short assistant: your legal identity, VAT, invoice numbers, rates, membership year and the first administrator; then import your customers, catalogue, rates and unpaid invoices from your spreadsheets.</source>
      <translation>Un court assistant : votre identité légale, la TVA, la numérotation des factures, les tarifs, l’année d’adhésion et le premier administrateur ; puis importez vos clients, votre catalogue, vos tarifs et vos factures impayées depuis vos tableurs.</translation>
    </message>
    <message>
      <source>Régie is preparing a demo cooperative so that every area can be tried at once: a catalogue of stage equipment, customers, a year of bookings, invoices and payments. This happens only on the first start and takes a few seconds.</source>
      <translation>Régie prépare une coopérative de démonstration pour que chaque espace puisse être essayé tout de suite : un catalogue de matériel de scène, des clients, une année de réservations, des factures et des paiements. Cela n’a lieu qu’au premier démarrage et prend quelques secondes.</translation>
    </message>
    <message>
      <source>Progress of the demo's preparation</source>
      <translation>Avancement de la préparation de la démonstration</translation>
    </message>
    <message>
      <source>Stop preparing the demo (it starts again next time)</source>
      <translation>Arrêter la préparation de la démonstration (elle reprendra au prochain démarrage)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>The demo cooperative</source>
      <translation>La coopérative de démonstration</translation>
    </message>
    <message>
      <source>Régie is preparing the demo cooperative (its own file; your data is not touched): a catalogue of stage equipment, customers, a year of bookings, invoices and payments. It opens in its place once ready.</source>
      <translation>Régie prépare la coopérative de démonstration (dans son propre fichier ; vos données ne sont pas touchées) : un catalogue de matériel scénique, des clients, une année de réservations, des factures et des paiements. Elle s’ouvre à la place de celle-ci dès qu’elle est prête.</translation>
    </message>
    <message>
      <source>&amp;Cancel</source>
      <translation>&amp;Annuler</translation>
    </message>
    <message>
      <source>Stop preparing the demo</source>
      <translation>Arrêter la préparation de la démo</translation>
    </message>
    <message>
      <source>Preparing the demo — Régie</source>
      <translation>Préparation de la démonstration — Régie</translation>
    </message>
    <message>
      <source>Preparing the demo stopped ({reason}). Start Régie again to retry.</source>
      <translation>La préparation de la démonstration s’est arrêtée ({reason}). Relancez Régie pour réessayer.</translation>
    </message>
    <message>
      <source>exit status {code}</source>
      <translation>code de sortie {code}</translation>
    </message>
    <message>
      <source>Régie could not start the program that prepares the demo ({program}).</source>
      <translation>Régie n’a pas pu lancer le programme qui prépare la démonstration ({program}).</translation>
    </message>
  </context>
  <context>
    <name>HelpWindow</name>
    <message>
      <source>User guide — Régie</source>
      <translation>Guide d’utilisation — Régie</translation>
    </message>
    <message>
      <source>Guide page</source>
      <translation>Page du guide</translation>
    </message>
    <message>
      <source>Search the guide (Ctrl+F)</source>
      <translation>Chercher dans le guide (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search the guide</source>
      <translation>Chercher dans le guide</translation>
    </message>
    <message>
      <source>Contents</source>
      <translation>Sommaire</translation>
    </message>
    <message>
      <source>Navigation</source>
      <translation>Navigation</translation>
    </message>
    <message>
      <source>&amp;Back</source>
      <translation>&amp;Précédent</translation>
    </message>
    <message>
      <source>&amp;Forward</source>
      <translation>&amp;Suivant</translation>
    </message>
    <message>
      <source>&amp;Contents</source>
      <translation>&amp;Sommaire</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s) found</source>
      <translation>
        <numerusform>%n page trouvée</numerusform>
        <numerusform>%n pages trouvées</numerusform>
      </translation>
    </message>
    <message>
      <source>No page holds these words.</source>
      <translation>Aucune page ne contient ces mots.</translation>
    </message>
  </context>
  <context>
    <name>IdentityDialog</name>
    <message>
      <source>The cooperative's legal identity</source>
      <translation>Identité légale de la coopérative</translation>
    </message>
    <message>
      <source>Printed on every quote, invoice and credit note. Invoices cannot be issued while a mandatory mention is missing.</source>
      <translation>Imprimée sur chaque devis, facture et avoir. Aucune facture ne peut être émise tant qu’une mention obligatoire manque.</translation>
    </message>
    <message>
      <source>The cooperative</source>
      <translation>La coopérative</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Legal form:</source>
      <translation>&amp;Forme juridique :</translation>
    </message>
    <message>
      <source>e.g. SCIC SAS à capital variable</source>
      <translation>ex. SCIC SAS à capital variable</translation>
    </message>
    <message>
      <source>Share &amp;capital:</source>
      <translation>&amp;Capital social :</translation>
    </message>
    <message>
      <source>e.g. 18500.00</source>
      <translation>ex. 18500,00</translation>
    </message>
    <message>
      <source>Street on the first lines, the last line: 43000 Town</source>
      <translation>La rue sur les premières lignes, la dernière : 43000 Ville</translation>
    </message>
    <message>
      <source>&amp;Address:</source>
      <translation>&amp;Adresse :</translation>
    </message>
    <message>
      <source>&amp;Email:</source>
      <translation>&amp;E-mail :</translation>
    </message>
    <message>
      <source>&amp;Phone:</source>
      <translation>Télé&amp;phone :</translation>
    </message>
    <message>
      <source>Registration and bank</source>
      <translation>Immatriculation et banque</translation>
    </message>
    <message>
      <source>SI&amp;REN:</source>
      <translation>SI&amp;REN :</translation>
    </message>
    <message>
      <source>SIRE&amp;T:</source>
      <translation>SIRE&amp;T :</translation>
    </message>
    <message>
      <source>RC&amp;S:</source>
      <translation>RC&amp;S :</translation>
    </message>
    <message>
      <source>e.g. RCS Le Puy-en-Velay 932 817 455</source>
      <translation>ex. RCS Le Puy-en-Velay 932 817 455</translation>
    </message>
    <message>
      <source>&amp;VAT number:</source>
      <translation>Numéro de T&amp;VA :</translation>
    </message>
    <message>
      <source>&amp;IBAN:</source>
      <translation>&amp;IBAN :</translation>
    </message>
    <message>
      <source>&amp;BIC:</source>
      <translation>&amp;BIC :</translation>
    </message>
    <message>
      <source>Logo</source>
      <translation>Logo</translation>
    </message>
    <message>
      <source>C&amp;hange…</source>
      <translation>C&amp;hanger…</translation>
    </message>
    <message>
      <source>A PNG or JPEG image, printed at the top of documents</source>
      <translation>Une image PNG ou JPEG, imprimée en tête des documents</translation>
    </message>
    <message>
      <source>Re&amp;move</source>
      <translation>Suppri&amp;mer</translation>
    </message>
    <message>
      <source>Remove the logo</source>
      <translation>Supprimer le logo</translation>
    </message>
    <message>
      <source>Lo&amp;go:</source>
      <translation>&amp;Logo :</translation>
    </message>
    <message>
      <source>No logo</source>
      <translation>Pas de logo</translation>
    </message>
    <message>
      <source>The cooperative's logo</source>
      <translation>Le logo de la coopérative</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg)</source>
      <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>{file} cannot be read ({reason}).</source>
      <translation>{file} ne peut pas être lu ({reason}).</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <source>Detect</source>
      <translation>Détecter</translation>
    </message>
    <message>
      <source>UTF-8</source>
      <translation>UTF-8</translation>
    </message>
    <message>
      <source>Windows-1252 (Excel)</source>
      <translation>Windows-1252 (Excel)</translation>
    </message>
    <message>
      <source>Semicolon ;</source>
      <translation>Point-virgule ;</translation>
    </message>
    <message>
      <source>Comma ,</source>
      <translation>Virgule ,</translation>
    </message>
    <message>
      <source>Tab</source>
      <translation>Tabulation</translation>
    </message>
    <message>
      <source>What do you want to import?</source>
      <translation>Que voulez-vous importer ?</translation>
    </message>
    <message>
      <source>Columns: %1</source>
      <translation>Colonnes : %1</translation>
    </message>
    <message>
      <source>* required column</source>
      <translation>* colonne obligatoire</translation>
    </message>
    <message>
      <source>Choose the file (CSV or Excel .xlsx)</source>
      <translation>Choisissez le fichier (CSV ou Excel .xlsx)</translation>
    </message>
    <message>
      <source>customers.csv, rates.xlsx…</source>
      <translation>clients.csv, tarifs.xlsx…</translation>
    </message>
    <message>
      <source>Br&amp;owse…</source>
      <translation>Parc&amp;ourir…</translation>
    </message>
    <message>
      <source>&amp;File:</source>
      <translation>&amp;Fichier :</translation>
    </message>
    <message>
      <source>&amp;Encoding:</source>
      <translation>&amp;Encodage :</translation>
    </message>
    <message>
      <source>&amp;Separator:</source>
      <translation>Sé&amp;parateur :</translation>
    </message>
    <message>
      <source>S&amp;heet:</source>
      <translation>Feui&amp;lle :</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Fichier</translation>
    </message>
    <message>
      <source>Encoding</source>
      <translation>Encodage</translation>
    </message>
    <message>
      <source>Separator</source>
      <translation>Séparateur</translation>
    </message>
    <message>
      <source>Sheet</source>
      <translation>Feuille</translation>
    </message>
    <message>
      <source>First rows of the file</source>
      <translation>Premières lignes du fichier</translation>
    </message>
    <message numerus="yes">
      <source>%n row(s)</source>
      <translation>
        <numerusform>%n ligne</numerusform>
        <numerusform>%n lignes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n column(s)</source>
      <translation>
        <numerusform>%n colonne</numerusform>
        <numerusform>%n colonnes</numerusform>
      </translation>
    </message>
    <message>
      <source>Excel workbook: %1, %2.</source>
      <translation>Classeur Excel : %1, %2.</translation>
    </message>
    <message>
      <source>semicolons</source>
      <translation>points-virgules</translation>
    </message>
    <message>
      <source>commas</source>
      <translation>virgules</translation>
    </message>
    <message>
      <source>tabs</source>
      <translation>tabulations</translation>
    </message>
    <message>
      <source>Read as %1, separated by %2: %3, %4.</source>
      <translation>Lu en %1, séparé par des %2 : %3, %4.</translation>
    </message>
    <message>
      <source>Which column of the file holds what?</source>
      <translation>Quelle colonne du fichier contient quoi ?</translation>
    </message>
    <message>
      <source>Régie guessed from the file's headers; change what is wrong. Columns marked * are required. Your choices are remembered for the next file.</source>
      <translation>Régie a deviné d’après les en-têtes du fichier ; corrigez ce qui ne va pas. Les colonnes marquées * sont obligatoires. Vos choix sont retenus pour le prochain fichier.</translation>
    </message>
    <message>
      <source>(not in the file)</source>
      <translation>(absente du fichier)</translation>
    </message>
    <message>
      <source>%1:</source>
      <translation>%1 :</translation>
    </message>
    <message>
      <source>Choose the file's column for: %1.</source>
      <translation>Choisissez la colonne du fichier pour : %1.</translation>
    </message>
    <message>
      <source>The column “%1” is chosen for: %2.</source>
      <translation>La colonne « %1 » est choisie pour : %2.</translation>
    </message>
    <message>
      <source>e.g. %1</source>
      <translation>ex. %1</translation>
    </message>
    <message>
      <source>(empty in the file)</source>
      <translation>(vide dans le fichier)</translation>
    </message>
    <message>
      <source>created</source>
      <translation>créé</translation>
    </message>
    <message>
      <source>to create</source>
      <translation>à créer</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>modifié</translation>
    </message>
    <message>
      <source>to change</source>
      <translation>à modifier</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>inchangé</translation>
    </message>
    <message>
      <source>bad line</source>
      <translation>ligne erronée</translation>
    </message>
    <message>
      <source>Rows of the import</source>
      <translation>Lignes de l’import</translation>
    </message>
    <message>
      <source>Import progress</source>
      <translation>Progression de l’import</translation>
    </message>
    <message>
      <source>Imported.</source>
      <translation>Importé.</translation>
    </message>
    <message>
      <source>Preview: nothing has been written yet.</source>
      <translation>Aperçu : rien n’est encore enregistré.</translation>
    </message>
    <message>
      <source>Done: the screens show the imported data.</source>
      <translation>Terminé : les écrans montrent les données importées.</translation>
    </message>
    <message>
      <source>Check the rows below, then press Import to write them.</source>
      <translation>Vérifiez les lignes ci-dessous, puis cliquez sur Importer pour les enregistrer.</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>Ligne</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Quoi</translation>
    </message>
    <message>
      <source>The file cannot be imported as it is.</source>
      <translation>Le fichier ne peut pas être importé tel quel.</translation>
    </message>
    <message>
      <source>Nothing was written. Correct the file (or the column choices: Back) and try again.</source>
      <translation>Rien n’a été enregistré. Corrigez le fichier (ou le choix des colonnes : Précédent) et recommencez.</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Problème</translation>
    </message>
    <message>
      <source>Nothing was written.</source>
      <translation>Rien n’a été enregistré.</translation>
    </message>
    <message numerus="yes">
      <source>%n created</source>
      <translation>
        <numerusform>%n créé</numerusform>
        <numerusform>%n créés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n to create</source>
      <translation>
        <numerusform>%n à créer</numerusform>
        <numerusform>%n à créer</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n changed</source>
      <translation>
        <numerusform>%n modifié</numerusform>
        <numerusform>%n modifiés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n to change</source>
      <translation>
        <numerusform>%n à modifier</numerusform>
        <numerusform>%n à modifier</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unchanged</source>
      <translation>
        <numerusform>%n inchangé</numerusform>
        <numerusform>%n inchangés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n bad line(s)</source>
      <translation>
        <numerusform>%n ligne erronée</numerusform>
        <numerusform>%n lignes erronées</numerusform>
      </translation>
    </message>
    <message>
      <source>What to import</source>
      <translation>Quoi importer</translation>
    </message>
    <message>
      <source>The file</source>
      <translation>Le fichier</translation>
    </message>
    <message>
      <source>Its columns</source>
      <translation>Ses colonnes</translation>
    </message>
    <message>
      <source>Preview and import</source>
      <translation>Aperçu et import</translation>
    </message>
    <message>
      <source>Import data</source>
      <translation>Importer des données</translation>
    </message>
    <message>
      <source>This is the demo cooperative: your own data never goes into it. You may preview a file here; to import it, first set up your cooperative (File → Set up my cooperative…), then import into it.</source>
      <translation>Ceci est la coopérative de démonstration : vos propres données n’y entrent jamais. Vous pouvez prévisualiser un fichier ici ; pour l’importer, configurez d’abord votre coopérative (Fichier → Configurer ma coopérative…), puis importez-le dans celle-ci.</translation>
    </message>
    <message>
      <source>&amp;Back</source>
      <translation>Pré&amp;cédent</translation>
    </message>
    <message>
      <source>&amp;Next</source>
      <translation>&amp;Suivant</translation>
    </message>
    <message>
      <source>&amp;Import</source>
      <translation>&amp;Importer</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Import &amp;another file</source>
      <translation>Importer un &amp;autre fichier</translation>
    </message>
    <message>
      <source>Step %1 of %2: %3</source>
      <translation>Étape %1 sur %2 : %3</translation>
    </message>
    <message>
      <source>&amp;Preview</source>
      <translation>&amp;Aperçu</translation>
    </message>
    <message>
      <source>Not into the demo: set up your cooperative first.</source>
      <translation>Pas dans la démo : configurez d’abord votre coopérative.</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>CSV or Excel files (*.csv *.txt *.xlsx);;All files (*)</source>
      <translation>Fichiers CSV ou Excel (*.csv *.txt *.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>The file is empty.</source>
      <translation>Le fichier est vide.</translation>
    </message>
    <message>
      <source>Checking the file… (nothing is written)</source>
      <translation>Vérification du fichier… (rien n’est enregistré)</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Import en cours…</translation>
    </message>
    <message>
      <source>Import done.</source>
      <translation>Import terminé.</translation>
    </message>
    <message>
      <source>Cancelled.</source>
      <translation>Annulé.</translation>
    </message>
  </context>
  <context>
    <name>InspectionDialog</name>
    <message>
      <source>Log inspection of %1</source>
      <translation>Contrôle de %1</translation>
    </message>
    <message>
      <source>Other check (no schedule)</source>
      <translation>Autre contrôle (hors calendrier)</translation>
    </message>
    <message>
      <source>&amp;Schedule:</source>
      <translation>&amp;Contrôle :</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Date :</translation>
    </message>
    <message>
      <source>Passed</source>
      <translation>Conforme</translation>
    </message>
    <message>
      <source>Failed (unit goes to repair)</source>
      <translation>Non conforme (l’unité part en réparation)</translation>
    </message>
    <message>
      <source>&amp;Result:</source>
      <translation>&amp;Résultat :</translation>
    </message>
    <message>
      <source>&amp;Inspector:</source>
      <translation>Contrô&amp;leur :</translation>
    </message>
    <message>
      <source>&amp;Notes:</source>
      <translation>&amp;Notes :</translation>
    </message>
  </context>
  <context>
    <name>Integrity</name>
    <message>
      <source>Intact: %1 documents, %2 payments, %3 seals, %4 triggers checked.</source>
      <translation>Intègre : %1 documents, %2 paiements, %3 sceaux, %4 déclencheurs vérifiés.</translation>
    </message>
    <message>
      <source>Not intact: problems found: %1; documents concerned: %2.</source>
      <translation>Altérée : problèmes trouvés : %1 ; documents concernés : %2.</translation>
    </message>
    <message>
      <source>Integrity of invoices and payments</source>
      <translation>Intégrité des factures et des paiements</translation>
    </message>
    <message>
      <source>Each issued invoice, credit note and payment is sealed when it is written (a hash chain over its number, dates, buyer, amounts and lines). A document named below was changed outside Régie since: restore a backup, or ask whoever has access to the database file.</source>
      <translation>Chaque facture, avoir et paiement est scellé au moment où il est enregistré (une chaîne d’empreintes sur son numéro, ses dates, l’acheteur, les montants et les lignes). Un document nommé ci-dessous a été modifié depuis en dehors de Régie : restaurez une sauvegarde, ou interrogez qui a accès au fichier de la base.</translation>
    </message>
    <message>
      <source>Problems found</source>
      <translation>Problèmes trouvés</translation>
    </message>
    <message>
      <source>Check in full…</source>
      <translation>Vérification complète…</translation>
    </message>
    <message>
      <source>Régie found changes made outside Régie to the invoices or payments: %1</source>
      <translation>Régie a trouvé des modifications faites en dehors de Régie aux factures ou aux paiements : %1</translation>
    </message>
    <message>
      <source>Checking the integrity of invoices and payments…</source>
      <translation>Vérification de l’intégrité des factures et des paiements…</translation>
    </message>
  </context>
  <context>
    <name>InventoryScreen</name>
    <message>
      <source>&amp;Find</source>
      <translation>Rec&amp;hercher</translation>
    </message>
    <message>
      <source>&amp;New item type…</source>
      <translation>&amp;Nouveau type de matériel…</translation>
    </message>
    <message>
      <source>&amp;Edit item type…</source>
      <translation>&amp;Modifier le type de matériel…</translation>
    </message>
    <message>
      <source>Inspection sc&amp;hedules…</source>
      <translation>Contrôles pério&amp;diques…</translation>
    </message>
    <message>
      <source>Set &amp;photo…</source>
      <translation>&amp;Photo…</translation>
    </message>
    <message>
      <source>New &amp;unit…</source>
      <translation>Nouvelle &amp;unité…</translation>
    </message>
    <message>
      <source>Edi&amp;t unit…</source>
      <translation>Modifier l’uni&amp;té…</translation>
    </message>
    <message>
      <source>Change &amp;status…</source>
      <translation>Chan&amp;ger l’état…</translation>
    </message>
    <message>
      <source>&amp;Retire unit…</source>
      <translation>&amp;Réformer l’unité…</translation>
    </message>
    <message>
      <source>Log &amp;inspection…</source>
      <translation>Enregistrer un &amp;contrôle…</translation>
    </message>
    <message>
      <source>Log rep&amp;air…</source>
      <translation>Enregistrer une rép&amp;aration…</translation>
    </message>
    <message>
      <source>&amp;Inventory</source>
      <translation>&amp;Parc</translation>
    </message>
    <message>
      <source>New type</source>
      <translation>Nouveau type</translation>
    </message>
    <message>
      <source>Edit type</source>
      <translation>Modifier le type</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>New unit</source>
      <translation>Nouvelle unité</translation>
    </message>
    <message>
      <source>Edit unit</source>
      <translation>Modifier l’unité</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Inspection</source>
      <translation>Contrôle</translation>
    </message>
    <message>
      <source>Repair</source>
      <translation>Réparation</translation>
    </message>
    <message>
      <source>Inventory actions</source>
      <translation>Actions du parc</translation>
    </message>
    <message>
      <source>%1 is counted in bulk: edit its stock quantity instead.</source>
      <translation>%1 est géré en vrac : modifiez plutôt sa quantité en stock.</translation>
    </message>
    <message>
      <source>Photo of the item type</source>
      <translation>Photo du type de matériel</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)</source>
      <translation>Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif *.tif *.tiff)</translation>
    </message>
    <message>
      <source>Cannot read %1: %2</source>
      <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
      <source>Search name, code, barcode, serial number, manufacturer… (Ctrl+F)</source>
      <translation>Rechercher désignation, code, code-barres, numéro de série, fabricant… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search the catalogue</source>
      <translation>Rechercher dans le catalogue</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>Toutes les catégories</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Any status</source>
      <translation>Tous les états</translation>
    </message>
    <message>
      <source>Unit status</source>
      <translation>État des unités</translation>
    </message>
    <message>
      <source>Item types</source>
      <translation>Types de matériel</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Unités</translation>
    </message>
    <message>
      <source>No item type matches this search. Check the spelling, choose All categories and Any status, or create the item type with Ctrl+N.</source>
      <translation>Aucun type de matériel ne correspond à cette recherche. Vérifiez l’orthographe, choisissez Toutes les catégories et Tous les états, ou créez le type de matériel avec Ctrl+N.</translation>
    </message>
    <message>
      <source>The catalogue is empty. Create an item type with Ctrl+N, or import a CSV file from the File menu.</source>
      <translation>Le catalogue est vide. Créez un type de matériel avec Ctrl+N, ou importez un fichier CSV depuis le menu Fichier.</translation>
    </message>
    <message>
      <source>Choose an item type above to see its units.</source>
      <translation>Choisissez un type de matériel ci-dessus pour voir ses unités.</translation>
    </message>
    <message>
      <source>Counted in bulk: no units, its stock quantity is in the details.</source>
      <translation>Compté en vrac : pas d’unités, sa quantité en stock est dans le détail.</translation>
    </message>
    <message>
      <source>No unit of this item type has this status. Choose Any status.</source>
      <translation>Aucune unité de ce type de matériel n’a cet état. Choisissez Tous les états.</translation>
    </message>
    <message>
      <source>No unit of this item type yet. Add one with Ctrl+Shift+N.</source>
      <translation>Aucune unité de ce type de matériel pour l’instant. Ajoutez-en une avec Ctrl+Maj+N.</translation>
    </message>
    <message numerus="yes">
      <source>%Ln item type(s)</source>
      <translation>
        <numerusform>%Ln type de matériel</numerusform>
        <numerusform>%Ln types de matériel</numerusform>
      </translation>
    </message>
    <message>
      <source>Nothing carries the barcode or code %1.</source>
      <translation>Aucun matériel ne porte le code-barres ou le code %1.</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Détail</translation>
    </message>
    <message>
      <source>Make / model:</source>
      <translation>Marque / modèle :</translation>
    </message>
    <message>
      <source>Tracking:</source>
      <translation>Suivi :</translation>
    </message>
    <message>
      <source>Replacement value:</source>
      <translation>Valeur de remplacement :</translation>
    </message>
    <message>
      <source>Deposit:</source>
      <translation>Caution :</translation>
    </message>
    <message>
      <source>Weight:</source>
      <translation>Poids :</translation>
    </message>
    <message>
      <source>Inspections:</source>
      <translation>Contrôles :</translation>
    </message>
    <message>
      <source>Notes:</source>
      <translation>Notes :</translation>
    </message>
    <message>
      <source>No item type selected</source>
      <translation>Aucun type de matériel sélectionné</translation>
    </message>
    <message>
      <source>Unit %1</source>
      <translation>Unité %1</translation>
    </message>
    <message>
      <source>No photo
(Ctrl+Shift+P)</source>
      <translation>Pas de photo
(Ctrl+Maj+P)</translation>
    </message>
    <message>
      <source>Bulk: %1 in stock, barcode %2</source>
      <translation>Vrac : %1 en stock, code-barres %2</translation>
    </message>
    <message numerus="yes">
      <source>%1, every %n month(s)</source>
      <translation>
        <numerusform>%1, tous les %n mois</numerusform>
        <numerusform>%1, tous les %n mois</numerusform>
      </translation>
    </message>
    <message>
      <source>None</source>
      <translation>Aucun</translation>
    </message>
    <message>
      <source>the cooperative</source>
      <translation>la coopérative</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Numéro de série</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Emplacement</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Propriétaire</translation>
    </message>
    <message>
      <source>Purchased</source>
      <translation>Achat</translation>
    </message>
    <message>
      <source>Inspections due</source>
      <translation>Contrôles à faire</translation>
    </message>
    <message>
      <source>Inspection log</source>
      <translation>Registre des contrôles</translation>
    </message>
    <message>
      <source>Repair log</source>
      <translation>Registre des réparations</translation>
    </message>
    <message>
      <source>Status history</source>
      <translation>Historique des états</translation>
    </message>
    <message>
      <source>passed</source>
      <translation>conforme</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>non conforme</translation>
    </message>
    <message>
      <source>overdue</source>
      <translation>en retard</translation>
    </message>
  </context>
  <context>
    <name>InvoiceDialogs</name>
    <message>
      <source>Save as PDF</source>
      <translation>Enregistrer en PDF</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>Désignation</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantité</translation>
    </message>
    <message>
      <source>Unit price</source>
      <translation>Prix unitaire</translation>
    </message>
    <message>
      <source>VAT</source>
      <translation>TVA</translation>
    </message>
    <message>
      <source>Net</source>
      <translation>Montant HT</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <source>Total excl. VAT</source>
      <translation>Total HT</translation>
    </message>
    <message>
      <source>VAT %1 on %2</source>
      <translation>TVA %1 sur %2</translation>
    </message>
    <message>
      <source>Total incl. VAT</source>
      <translation>Total TTC</translation>
    </message>
    <message>
      <source>Booking %1</source>
      <translation>Réservation %1</translation>
    </message>
    <message>
      <source>use from %1 to %2</source>
      <translation>utilisation du %1 au %2</translation>
    </message>
    <message>
      <source>Buyer's reference: %1</source>
      <translation>Référence de l'acheteur : %1</translation>
    </message>
    <message>
      <source>Order / commitment number: %1</source>
      <translation>N° de commande / engagement : %1</translation>
    </message>
    <message>
      <source>Due on %1</source>
      <translation>Échéance le %1</translation>
    </message>
    <message>
      <source>Invoice booking %1</source>
      <translation>Facturer la réservation %1</translation>
    </message>
    <message>
      <source>&amp;Only the damage and loss charges</source>
      <translation>&amp;Seulement les dommages et pertes</translation>
    </message>
    <message>
      <source>An invoice of the damage and loss charges alone; the rest stays for the next invoice. Charges outside the scope of VAT must be invoiced this way.</source>
      <translation>Une facture des seuls dommages et pertes ; le reste attend la facture suivante. Les indemnités hors du champ de la TVA doivent être facturées ainsi.</translation>
    </message>
    <message>
      <source>Issuing gives the invoice its number and freezes it: afterwards it can only be corrected by a credit note.</source>
      <translation>L’émission donne son numéro à la facture et la fige : elle ne pourra ensuite être corrigée que par un avoir.</translation>
    </message>
    <message>
      <source>&amp;Issue the invoice</source>
      <translation>&amp;Émettre la facture</translation>
    </message>
    <message>
      <source>Damage and loss charges outside the scope of VAT cannot share an invoice with taxed lines: tick "Only the damage and loss charges" to invoice them first.</source>
      <translation>Les dommages et pertes hors du champ de la TVA ne peuvent pas figurer sur une facture avec des lignes taxées : cochez « Seulement les dommages et pertes » pour les facturer d’abord.</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <source>Print (Ctrl+P)</source>
      <translation>Imprimer (Ctrl+P)</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
      <source>Save as PDF (Ctrl+S)</source>
      <translation>Enregistrer en PDF (Ctrl+S)</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Fermer</translation>
    </message>
    <message>
      <source>Close (Esc)</source>
      <translation>Fermer (Échap)</translation>
    </message>
    <message>
      <source>Saved to %1.</source>
      <translation>Enregistré dans %1.</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s) sent to the printer.</source>
      <translation>
        <numerusform>%n page envoyée à l’imprimante.</numerusform>
        <numerusform>%n pages envoyées à l’imprimante.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InvoicesScreen</name>
    <message>
      <source>&amp;Find</source>
      <translation>Re&amp;chercher</translation>
    </message>
    <message>
      <source>&amp;Issue invoice…</source>
      <translation>&amp;Émettre la facture…</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <source>&amp;Save as PDF…</source>
      <translation>Enregistrer en &amp;PDF…</translation>
    </message>
    <message>
      <source>Record pa&amp;yment…</source>
      <translation>Enregistrer un &amp;règlement…</translation>
    </message>
    <message>
      <source>&amp;Credit note…</source>
      <translation>&amp;Avoir…</translation>
    </message>
    <message>
      <source>Re&amp;verse payment…</source>
      <translation>Ann&amp;uler un paiement…</translation>
    </message>
    <message>
      <source>Ref&amp;und…</source>
      <translation>Rem&amp;bourser…</translation>
    </message>
    <message>
      <source>I&amp;nvoices</source>
      <translation>Fact&amp;ures</translation>
    </message>
    <message>
      <source>Invoice actions</source>
      <translation>Actions sur les factures</translation>
    </message>
    <message>
      <source>Issue invoice</source>
      <translation>Émettre la facture</translation>
    </message>
    <message>
      <source>Issue the invoice of booking %1 for %2 (incl. VAT)?</source>
      <translation>Émettre la facture de la réservation %1 pour %2 TTC ?</translation>
    </message>
    <message>
      <source>The invoice gets its number and is frozen: it can then only be corrected by a credit note.</source>
      <translation>La facture reçoit son numéro et est figée : elle ne pourra ensuite être corrigée que par un avoir.</translation>
    </message>
    <message>
      <source>&amp;Damage and loss charges only</source>
      <translation>&amp;Dommages et pertes seulement</translation>
    </message>
    <message>
      <source>An invoice of the damage and loss charges alone; the rest stays for the next invoice (needed when they are outside the scope of VAT).</source>
      <translation>Une facture des seuls dommages et pertes ; le reste attend la facture suivante (nécessaire quand ils sont hors du champ de la TVA).</translation>
    </message>
    <message>
      <source>Invoice %1 issued.</source>
      <translation>Facture %1 émise.</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s) sent to the printer.</source>
      <translation>
        <numerusform>%n page envoyée à l’imprimante.</numerusform>
        <numerusform>%n pages envoyées à l’imprimante.</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 saved to %2.</source>
      <translation>%1 enregistrée dans %2.</translation>
    </message>
    <message>
      <source>Refund recorded on %1.</source>
      <translation>Remboursement enregistré sur %1.</translation>
    </message>
    <message>
      <source>Payment recorded on %1.</source>
      <translation>Paiement enregistré sur %1.</translation>
    </message>
    <message>
      <source>Credit note %1 issued.</source>
      <translation>Avoir %1 émis.</translation>
    </message>
    <message>
      <source>Reverse payment</source>
      <translation>Annuler un paiement</translation>
    </message>
    <message>
      <source>Reverse the payment of %1 of %2? A reversing entry is added; the payment itself stays on record.</source>
      <translation>Annuler le paiement de %1 du %2 ? Une écriture de contre-passation est ajoutée ; le paiement lui-même reste enregistré.</translation>
    </message>
    <message>
      <source>Payment reversed.</source>
      <translation>Paiement contre-passé.</translation>
    </message>
    <message>
      <source>Credit note on %1</source>
      <translation>Avoir sur %1</translation>
    </message>
    <message>
      <source>due on %1</source>
      <translation>échéance le %1</translation>
    </message>
    <message numerus="yes">
      <source>overdue by %n day(s)</source>
      <translation>
        <numerusform>en retard de %n jour</numerusform>
        <numerusform>en retard de %n jours</numerusform>
      </translation>
    </message>
    <message>
      <source>Issue this invoice…</source>
      <translation>Émettre cette facture…</translation>
    </message>
    <message>
      <source>Select a document to see it here.</source>
      <translation>Choisissez un document pour le voir ici.</translation>
    </message>
    <message>
      <source>left to pay of %1</source>
      <translation>reste dû sur %1</translation>
    </message>
    <message>
      <source>Balance due</source>
      <translation>Reste dû</translation>
    </message>
    <message>
      <source>credited incl. VAT</source>
      <translation>crédité TTC</translation>
    </message>
    <message>
      <source>Credited</source>
      <translation>Crédité</translation>
    </message>
    <message>
      <source>to invoice incl. VAT</source>
      <translation>à facturer TTC</translation>
    </message>
    <message>
      <source>To invoice</source>
      <translation>À facturer</translation>
    </message>
    <message>
      <source>Payments</source>
      <translation>Paiements</translation>
    </message>
    <message>
      <source>Reverse the selected payment…</source>
      <translation>Annuler le paiement choisi…</translation>
    </message>
    <message>
      <source>A credit note has no payments of its own.</source>
      <translation>Un avoir n’a pas de règlements à lui.</translation>
    </message>
    <message>
      <source>Select an invoice to see its payments.</source>
      <translation>Choisissez une facture pour voir ses règlements.</translation>
    </message>
    <message>
      <source>No payment yet. Record one with Ctrl+R.</source>
      <translation>Aucun règlement pour l’instant. Enregistrez-en un avec Ctrl+R.</translation>
    </message>
    <message>
      <source>Search number, customer, booking… (Ctrl+F)</source>
      <translation>Rechercher numéro, client, réservation… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>All customers</source>
      <translation>Tous les clients</translation>
    </message>
    <message>
      <source>&amp;Between</source>
      <translation>&amp;Entre le</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>All documents</source>
      <translation>Tous les documents</translation>
    </message>
    <message>
      <source>To invoice (drafts)</source>
      <translation>À facturer (brouillons)</translation>
    </message>
    <message>
      <source>Unpaid (issued or overdue)</source>
      <translation>Impayées (émises ou en retard)</translation>
    </message>
    <message>
      <source>Credit notes</source>
      <translation>Avoirs</translation>
    </message>
    <message>
      <source>Credit note</source>
      <translation>Avoir</translation>
    </message>
    <message>
      <source>Invoice</source>
      <translation>Facture</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Brouillon</translation>
    </message>
    <message>
      <source>Number</source>
      <translation>Numéro</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Type</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Total incl. VAT</source>
      <translation>Total TTC</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>Payé</translation>
    </message>
    <message>
      <source>Balance</source>
      <translation>Reste dû</translation>
    </message>
    <message>
      <source>Amount</source>
      <translation>Montant</translation>
    </message>
    <message>
      <source>Method</source>
      <translation>Moyen</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Remarque</translation>
    </message>
    <message>
      <source>Reversal of payment %1</source>
      <translation>Contre-passation du paiement %1</translation>
    </message>
    <message>
      <source>Reversed</source>
      <translation>Contre-passé</translation>
    </message>
    <message>
      <source>E&amp;xport for the accountant…</source>
      <translation>E&amp;xporter pour la comptabilité…</translation>
    </message>
    <message>
      <source>Invoices and credit notes</source>
      <translation>Factures et avoirs</translation>
    </message>
    <message>
      <source>Nothing to invoice: every confirmed, out or returned booking is invoiced.</source>
      <translation>Rien à facturer : toutes les réservations confirmées, sorties ou rendues sont facturées.</translation>
    </message>
    <message>
      <source>No document matches these filters. Clear the search or choose “All documents”.</source>
      <translation>Aucun document ne correspond à ces filtres. Videz la recherche ou choisissez « Tous les documents ».</translation>
    </message>
    <message>
      <source>No invoice yet. Choose “To invoice (drafts)” to issue one from a booking.</source>
      <translation>Aucune facture pour l’instant. Choisissez « À facturer (brouillons) » pour en émettre une depuis une réservation.</translation>
    </message>
    <message numerus="yes">
      <source>%Ln document(s)</source>
      <translation>
        <numerusform>%Ln document</numerusform>
        <numerusform>%Ln documents</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 left to pay</source>
      <translation>%1 restant dû</translation>
    </message>
    <message numerus="yes">
      <source>%Ln document(s) so far, %1 of %2 bookings looked at…</source>
      <translation>
        <numerusform>%Ln document pour l’instant, %1 réservations examinées sur %2…</numerusform>
        <numerusform>%Ln documents pour l’instant, %1 réservations examinées sur %2…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ItemTypeDialog</name>
    <message>
      <source>Bulk (counted stock)</source>
      <translation>En vrac (stock compté)</translation>
    </message>
    <message>
      <source>Serialized (one barcode per unit)</source>
      <translation>À l’unité (un code-barres par unité)</translation>
    </message>
    <message>
      <source>Edit item type</source>
      <translation>Modifier le type de matériel</translation>
    </message>
    <message>
      <source>New item type</source>
      <translation>Nouveau type de matériel</translation>
    </message>
    <message>
      <source>Notes:</source>
      <translation>Notes :</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Matériel</translation>
    </message>
    <message>
      <source>&amp;Code:</source>
      <translation>&amp;Code :</translation>
    </message>
    <message>
      <source>Short unique code, e.g. LYRE-WASH</source>
      <translation>Code court unique, ex. LYRE-WASH</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Désignation :</translation>
    </message>
    <message>
      <source>C&amp;ategory:</source>
      <translation>C&amp;atégorie :</translation>
    </message>
    <message>
      <source>&amp;Tracking:</source>
      <translation>&amp;Suivi :</translation>
    </message>
    <message>
      <source>&amp;Manufacturer:</source>
      <translation>&amp;Fabricant :</translation>
    </message>
    <message>
      <source>M&amp;odel:</source>
      <translation>M&amp;odèle :</translation>
    </message>
    <message>
      <source>Stock and handling</source>
      <translation>Stock et manutention</translation>
    </message>
    <message>
      <source>Stock &amp;quantity:</source>
      <translation>&amp;Quantité en stock :</translation>
    </message>
    <message>
      <source>&amp;Barcode:</source>
      <translation>Code-&amp;barres :</translation>
    </message>
    <message>
      <source>Generated when left empty</source>
      <translation>Généré s’il est laissé vide</translation>
    </message>
    <message>
      <source>&amp;Weight (g):</source>
      <translation>&amp;Poids (g) :</translation>
    </message>
    <message>
      <source>&amp;Prep buffer (hours):</source>
      <translation>&amp;Temps de préparation (heures) :</translation>
    </message>
    <message>
      <source>D&amp;e-prep buffer (hours):</source>
      <translation>Temps de &amp;retour (heures) :</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>Valeurs</translation>
    </message>
    <message>
      <source>&amp;Replacement value (€):</source>
      <translation>&amp;Valeur de remplacement (€) :</translation>
    </message>
    <message>
      <source>&amp;Deposit (€):</source>
      <translation>Ca&amp;ution (€) :</translation>
    </message>
    <message>
      <source>&amp;Sale price (€):</source>
      <translation>Pri&amp;x de vente (€) :</translation>
    </message>
    <message>
      <source>VAT e&amp;xemption:</source>
      <translation>Exo&amp;nération de TVA :</translation>
    </message>
    <message>
      <source>Empty: taxed</source>
      <translation>Vide : taxé</translation>
    </message>
    <message>
      <source>Empty: taxed. Exempt: its article, e.g. article 261-4-4° a du CGI</source>
      <translation>Vide : taxé. Exonéré : son article, p. ex. article 261-4-4° a du CGI</translation>
    </message>
    <message>
      <source>Rental rates</source>
      <translation>Tarifs de location</translation>
    </message>
    <message>
      <source>Member da&amp;y rate (€):</source>
      <translation>Tarif &amp;journalier adhérent (€) :</translation>
    </message>
    <message>
      <source>Pub&amp;lic day rate, non-members (€):</source>
      <translation>Tarif journalier non-ad&amp;hérent (€) :</translation>
    </message>
    <message>
      <source>&amp;VAT rate (%):</source>
      <translation>Taux d&amp;e TVA (%) :</translation>
    </message>
    <message>
      <source>Price categories:</source>
      <translation>Catégories tarifaires :</translation>
    </message>
    <message>
      <source>Default: %1 %</source>
      <translation>Par défaut : %1 %</translation>
    </message>
    <message>
      <source>Member or non-member rate</source>
      <translation>Tarif adhérent ou non-adhérent</translation>
    </message>
    <message>
      <source>%1 (€/day):</source>
      <translation>%1 (€/jour) :</translation>
    </message>
  </context>
  <context>
    <name>KitsScreen</name>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Lines</source>
      <translation>Lignes</translation>
    </message>
    <message>
      <source>Kits</source>
      <translation>Kits</translation>
    </message>
    <message>
      <source>No kit yet. Name one on the right, add its item types, then save it with Ctrl+S.</source>
      <translation>Aucun kit pour l’instant. Nommez-en un à droite, ajoutez ses types de matériel, puis enregistrez-le avec Ctrl+S.</translation>
    </message>
    <message>
      <source>&amp;New kit</source>
      <translation>&amp;Nouveau kit</translation>
    </message>
    <message>
      <source>New kit (Ctrl+N)</source>
      <translation>Nouveau kit (Ctrl+N)</translation>
    </message>
    <message>
      <source>&amp;Delete kit</source>
      <translation>&amp;Supprimer le kit</translation>
    </message>
    <message>
      <source>Delete kit</source>
      <translation>Supprimer le kit</translation>
    </message>
    <message>
      <source>&amp;Kits</source>
      <translation>&amp;Kits</translation>
    </message>
    <message>
      <source>&amp;Save kit</source>
      <translation>&amp;Enregistrer le kit</translation>
    </message>
    <message>
      <source>Re&amp;vert</source>
      <translation>Ann&amp;uler les modifications</translation>
    </message>
    <message>
      <source>&amp;Remove line</source>
      <translation>&amp;Retirer la ligne</translation>
    </message>
    <message>
      <source>Kit</source>
      <translation>Kit</translation>
    </message>
    <message>
      <source>C&amp;ode:</source>
      <translation>C&amp;ode :</translation>
    </message>
    <message>
      <source>N&amp;ame:</source>
      <translation>No&amp;m :</translation>
    </message>
    <message>
      <source>No&amp;tes:</source>
      <translation>No&amp;tes :</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Type de matériel</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantité</translation>
    </message>
    <message>
      <source>Item types in the kit</source>
      <translation>Types de matériel du kit</translation>
    </message>
    <message>
      <source>No item type in this kit yet. Type part of a name or code below, or scan a barcode, then Enter.</source>
      <translation>Aucun type de matériel dans ce kit pour l’instant. Tapez une partie d’un nom ou d’un code ci-dessous, ou scannez un code-barres, puis Entrée.</translation>
    </message>
    <message>
      <source>Remove line</source>
      <translation>Retirer la ligne</translation>
    </message>
    <message>
      <source>Search an item type by code or name, or scan a barcode, then Enter</source>
      <translation>Cherchez un type de matériel par code ou nom, ou scannez un code-barres, puis Entrée</translation>
    </message>
    <message>
      <source>Matching item types</source>
      <translation>Types de matériel correspondants</translation>
    </message>
    <message>
      <source>Add an &amp;item type:</source>
      <translation>&amp;Ajouter un type de matériel :</translation>
    </message>
    <message>
      <source>Save kit (Ctrl+S)</source>
      <translation>Enregistrer le kit (Ctrl+S)</translation>
    </message>
    <message>
      <source>Save kit</source>
      <translation>Enregistrer le kit</translation>
    </message>
    <message>
      <source>Item types in the kit:</source>
      <translation>Types de matériel du kit :</translation>
    </message>
    <message>
      <source>Kit {code}</source>
      <translation>Kit {code}</translation>
    </message>
    <message>
      <source>New kit</source>
      <translation>Nouveau kit</translation>
    </message>
    <message>
      <source>Nothing matches {text}.</source>
      <translation>Aucun résultat pour {text}.</translation>
    </message>
    <message>
      <source>Several item types match: choose one and press Enter.</source>
      <translation>Plusieurs types de matériel correspondent : choisissez-en un et appuyez sur Entrée.</translation>
    </message>
    <message>
      <source>Added: {code} {name}</source>
      <translation>Ajouté : {code} {name}</translation>
    </message>
    <message>
      <source>Kit saved.</source>
      <translation>Kit enregistré.</translation>
    </message>
    <message>
      <source>Delete the kit {code}? Its item types stay in the catalogue.</source>
      <translation>Supprimer le kit {code} ? Ses types de matériel restent au catalogue.</translation>
    </message>
  </context>
  <context>
    <name>LabelsScreen</name>
    <message>
      <source>Printing cancelled.</source>
      <translation>Impression annulée.</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>Format</translation>
    </message>
    <message>
      <source>A4 sheet, 3 × 8 labels of 70 × 37 mm</source>
      <translation>Planche A4, 3 × 8 étiquettes de 70 × 37 mm</translation>
    </message>
    <message>
      <source>Thermal roll, 57 × 32 mm</source>
      <translation>Rouleau thermique, 57 × 32 mm</translation>
    </message>
    <message>
      <source>Add a &amp;QR code</source>
      <translation>Ajouter un code &amp;QR</translation>
    </message>
    <message>
      <source>Save as P&amp;DF…</source>
      <translation>Enregistrer en P&amp;DF…</translation>
    </message>
    <message>
      <source>Save as PDF (Ctrl+S)</source>
      <translation>Enregistrer en PDF (Ctrl+S)</translation>
    </message>
    <message>
      <source>Save as PDF</source>
      <translation>Enregistrer en PDF</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>&amp;Imprimer…</translation>
    </message>
    <message>
      <source>Print (Ctrl+P)</source>
      <translation>Imprimer (Ctrl+P)</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>Imprimer</translation>
    </message>
    <message>
      <source>&amp;Format:</source>
      <translation>&amp;Format :</translation>
    </message>
    <message>
      <source>Save labels as PDF</source>
      <translation>Enregistrer les étiquettes en PDF</translation>
    </message>
    <message>
      <source>labels.pdf</source>
      <translation>etiquettes.pdf</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
      <source>Could not save {path}: {reason}</source>
      <translation>Impossible d’enregistrer {path} : {reason}</translation>
    </message>
    <message>
      <source>Saved {path}.</source>
      <translation>Enregistré : {path}.</translation>
    </message>
    <message>
      <source>Print labels</source>
      <translation>Imprimer les étiquettes</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Étiquettes</translation>
    </message>
    <message numerus="yes">
      <source>%n page(s) sent to the printer.</source>
      <translation>
        <numerusform>%n page envoyée à l’imprimante.</numerusform>
        <numerusform>%n pages envoyées à l’imprimante.</numerusform>
      </translation>
    </message>
    <message>
      <source>Preparing {count} labels…</source>
      <translation>Préparation de {count} étiquettes…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>&amp;Labels</source>
      <translation>&amp;Étiquettes</translation>
    </message>
    <message>
      <source>&amp;Search</source>
      <translation>&amp;Chercher</translation>
    </message>
    <message>
      <source>&amp;Remove</source>
      <translation>Re&amp;tirer</translation>
    </message>
    <message>
      <source>C&amp;lear</source>
      <translation>&amp;Vider la liste</translation>
    </message>
    <message>
      <source>Search item types or units by code, name or serial number</source>
      <translation>Chercher des types de matériel ou des unités par code, nom ou n° de série</translation>
    </message>
    <message>
      <source>Search</source>
      <translation>Rechercher</translation>
    </message>
    <message>
      <source>&amp;Search:</source>
      <translation>&amp;Rechercher :</translation>
    </message>
    <message>
      <source>Scan or type a barcode or item code, then Enter</source>
      <translation>Scannez ou tapez un code-barres ou un code de type, puis Entrée</translation>
    </message>
    <message>
      <source>Add by scanni&amp;ng:</source>
      <translation>Ajouter par sca&amp;n :</translation>
    </message>
    <message>
      <source>No item type or unit matches this search. Check the spelling, or scan the label's code below.</source>
      <translation>Aucun type de matériel ni aucune unité ne correspond à cette recherche. Vérifiez l’orthographe, ou scannez le code de l’étiquette ci-dessous.</translation>
    </message>
    <message>
      <source>The catalogue is empty: create item types in the Inventory first.</source>
      <translation>Le catalogue est vide : créez d’abord des types de matériel dans le Parc.</translation>
    </message>
    <message>
      <source>Labels to print</source>
      <translation>Étiquettes à imprimer</translation>
    </message>
    <message>
      <source>&amp;All labels (every unit, bulk item and case)</source>
      <translation>Tout&amp;es les étiquettes (chaque unité, matériel en vrac et flight-case)</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Retirer</translation>
    </message>
    <message>
      <source>Every unit, bulk item and case gets its label.</source>
      <translation>Chaque unité, matériel en vrac et flight-case aura son étiquette.</translation>
    </message>
    <message>
      <source>No label chosen yet. Tick units on the left, scan their codes, or choose All labels.</source>
      <translation>Aucune étiquette choisie pour l’instant. Cochez des unités à gauche, scannez leurs codes, ou choisissez Toutes les étiquettes.</translation>
    </message>
    <message>
      <source>{shown} of {total} item types shown: narrow the search.</source>
      <translation>{shown} types de matériel affichés sur {total} : précisez la recherche.</translation>
    </message>
    <message numerus="yes">
      <source>%n item type(s) found.</source>
      <translation>
        <numerusform>%n type de matériel trouvé.</numerusform>
        <numerusform>%n types de matériel trouvés.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Added %n label(s) for %1.</source>
      <translation>
        <numerusform>%n étiquette ajoutée pour %1.</numerusform>
        <numerusform>%n étiquettes ajoutées pour %1.</numerusform>
      </translation>
    </message>
    <message>
      <source>{code} is already in the list.</source>
      <translation>{code} est déjà dans la liste.</translation>
    </message>
    <message>
      <source>Cancelled: nothing was saved or printed.</source>
      <translation>Annulé : rien n’a été enregistré ni imprimé.</translation>
    </message>
    <message numerus="yes">
      <source>%n label(s) selected</source>
      <translation>
        <numerusform>%n étiquette sélectionnée</numerusform>
        <numerusform>%n étiquettes sélectionnées</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>Désignation</translation>
    </message>
    <message>
      <source>Contents / status</source>
      <translation>Contenu / état</translation>
    </message>
    <message>
      <source>Item types and units</source>
      <translation>Types de matériel et unités</translation>
    </message>
    <message>
      <source>bulk ({barcode})</source>
      <translation>vrac ({barcode})</translation>
    </message>
    <message numerus="yes">
      <source>%n unit(s)</source>
      <translation>
        <numerusform>%n unité</numerusform>
        <numerusform>%n unités</numerusform>
      </translation>
    </message>
    <message>
      <source>no units</source>
      <translation>aucune unité</translation>
    </message>
  </context>
  <context>
    <name>LinesModel</name>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Type de matériel</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantité</translation>
    </message>
    <message>
      <source>Available</source>
      <translation>Disponible</translation>
    </message>
    <message>
      <source>Price excl. VAT</source>
      <translation>Prix HT</translation>
    </message>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
      <source>%n missing</source>
      <translation>
        <numerusform>%n manquant</numerusform>
        <numerusform>%n manquants</numerusform>
      </translation>
    </message>
    <message>
      <source>%1 serviceable, %2 held by confirmed bookings at the busiest moment; %3 available for %4 requested.</source>
      <translation>En état de marche : %1 ; retenu par des réservations confirmées au moment le plus chargé : %2 ; disponible : %3 ; demandé : %4.</translation>
    </message>
    <message>
      <source>Quotes also ask for %1 (tentative, not blocking).</source>
      <translation>Des devis en demandent aussi %1 (provisoire, non bloquant).</translation>
    </message>
  </context>
  <context>
    <name>LoginDialog</name>
    <message>
      <source>%1 (%2)</source>
      <translation>%1 (%2)</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Your account's name, or scan your badge</source>
      <translation>Le nom de votre compte, ou scannez votre badge</translation>
    </message>
    <message>
      <source>Password</source>
      <translation>Mot de passe</translation>
    </message>
    <message>
      <source>&amp;Log in</source>
      <translation>&amp;Se connecter</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <source>Type your name (or scan your badge).</source>
      <translation>Tapez votre nom (ou scannez votre badge).</translation>
    </message>
    <message>
      <source>Log in — Régie</source>
      <translation>Connexion — Régie</translation>
    </message>
    <message>
      <source>Who is working? Log in with your name and password.</source>
      <translation>Qui travaille ? Connectez-vous avec votre nom et votre mot de passe.</translation>
    </message>
    <message>
      <source>Log in as someone else: their name and password.</source>
      <translation>Se connecter sous un autre nom : son nom et son mot de passe.</translation>
    </message>
    <message>
      <source>No account has a password on this server yet: log in as admin without a password, then give it one at once (File → Accounts…).</source>
      <translation>Aucun compte n’a encore de mot de passe sur ce serveur : connectez-vous en admin sans mot de passe, puis donnez-lui-en un tout de suite (Fichier → Comptes…).</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
  </context>
  <context>
    <name>LostConnection</name>
    <message>
      <source>Not saved — Régie</source>
      <translation>Non enregistré — Régie</translation>
    </message>
    <message>
      <source>Nothing of this change was saved. Retry once the server is back, or cancel and do it again later.</source>
      <translation>Rien de cette modification n’a été enregistré. Réessayez quand le serveur est revenu, ou annulez et refaites-la plus tard.</translation>
    </message>
    <message>
      <source>&amp;Retry</source>
      <translation>&amp;Réessayer</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>Desk</source>
      <translation>Comptoir</translation>
    </message>
    <message>
      <source>Import catalogue</source>
      <translation>Importer le catalogue</translation>
    </message>
    <message>
      <source>Spreadsheets (*.csv *.xlsx);;All files (*)</source>
      <translation>Tableurs (*.csv *.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
      <source>Importing %1…</source>
      <translation>Import de %1…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Imported %1 and %2.</source>
      <translation>Import terminé : %1 et %2.</translation>
    </message>
    <message numerus="yes">
      <source>%n item type(s)</source>
      <translation>
        <numerusform>%n type de matériel</numerusform>
        <numerusform>%n types de matériel</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unit(s)</source>
      <translation>
        <numerusform>%n unité</numerusform>
        <numerusform>%n unités</numerusform>
      </translation>
    </message>
    <message>
      <source>Export catalogue</source>
      <translation>Exporter le catalogue</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <source>Exported %1 and %2 to %3.</source>
      <translation>Export terminé : %1 et %2 vers %3.</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quitter</translation>
    </message>
    <message>
      <source>Régie — action refused</source>
      <translation>Régie — action refusée</translation>
    </message>
    <message>
      <source>Home</source>
      <translation>Accueil</translation>
    </message>
    <message>
      <source>Inventory</source>
      <translation>Parc</translation>
    </message>
    <message>
      <source>Kits</source>
      <translation>Kits</translation>
    </message>
    <message>
      <source>Cases</source>
      <translation>Flight-cases</translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Étiquettes</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>Planning</translation>
    </message>
    <message>
      <source>Calendar</source>
      <translation>Calendrier</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>Clients</translation>
    </message>
    <message>
      <source>Bookings</source>
      <translation>Réservations</translation>
    </message>
    <message>
      <source>Invoices</source>
      <translation>Factures</translation>
    </message>
    <message>
      <source>Pricing</source>
      <translation>Tarifs</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Rapports</translation>
    </message>
    <message>
      <source>Areas</source>
      <translation>Espaces</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Fichier</translation>
    </message>
    <message>
      <source>&amp;Import catalogue (CSV)…</source>
      <translation>&amp;Importer le catalogue (CSV)…</translation>
    </message>
    <message>
      <source>&amp;Export catalogue (CSV)…</source>
      <translation>&amp;Exporter le catalogue (CSV)…</translation>
    </message>
    <message>
      <source>Import &amp;data (customers, rates, balances)…</source>
      <translation>Importer des d&amp;onnées (clients, tarifs, soldes)…</translation>
    </message>
    <message>
      <source>Set up &amp;my cooperative…</source>
      <translation>Configurer &amp;ma coopérative…</translation>
    </message>
    <message>
      <source>Explore the demo c&amp;ooperative…</source>
      <translation>Explorer &amp;la coopérative de démonstration…</translation>
    </message>
    <message>
      <source>&amp;Verify integrity…</source>
      <translation>&amp;Vérifier l’intégrité…</translation>
    </message>
    <message>
      <source>&amp;Settings…</source>
      <translation>&amp;Paramètres…</translation>
    </message>
    <message>
      <source>&amp;Accounts…</source>
      <translation>&amp;Comptes…</translation>
    </message>
    <message>
      <source>Ac&amp;tivity…</source>
      <translation>Ac&amp;tivité…</translation>
    </message>
    <message>
      <source>&amp;Backups…</source>
      <translation>&amp;Sauvegardes…</translation>
    </message>
    <message>
      <source>S&amp;witch user…</source>
      <translation>C&amp;hanger d’utilisateur…</translation>
    </message>
    <message>
      <source>&amp;Log out</source>
      <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Affichage</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>Aid&amp;e</translation>
    </message>
    <message>
      <source>User &amp;guide</source>
      <translation>&amp;Guide d’utilisation</translation>
    </message>
    <message>
      <source>&amp;About Régie</source>
      <translation>À &amp;propos de Régie</translation>
    </message>
    <message>
      <source>&amp;Monthly statements…</source>
      <translation>Relevés &amp;mensuels…</translation>
    </message>
    <message>
      <source>Cancelled; nothing was changed.</source>
      <translation>Annulé ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>%1 — Régie — %2</source>
      <translation>%1 — Régie — %2</translation>
    </message>
    <message>
      <source>Régie — %1</source>
      <translation>Régie — %1</translation>
    </message>
    <message>
      <source>Logged in as %1</source>
      <translation>Connecté sous le nom %1</translation>
    </message>
  </context>
  <context>
    <name>Navigation</name>
    <message>
      <source>Catalogue</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>Bookings</source>
      <translation>Réservations</translation>
    </message>
    <message>
      <source>Invoicing</source>
      <translation>Facturation</translation>
    </message>
    <message>
      <source>Reports</source>
      <translation>Rapports</translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message>
      <source>The database is busy ({holders} is writing to it) — waiting…</source>
      <translation>La base de données est occupée ({holders} y écrit) — attente…</translation>
    </message>
    <message>
      <source>The database is busy (another program is writing to it) — waiting…</source>
      <translation>La base de données est occupée (un autre programme y écrit) — attente…</translation>
    </message>
  </context>
  <context>
    <name>PaymentDialog</name>
    <message>
      <source>Payment on %1</source>
      <translation>Paiement sur %1</translation>
    </message>
    <message>
      <source>Left to pay:</source>
      <translation>Reste dû :</translation>
    </message>
    <message>
      <source>Record the &amp;payment</source>
      <translation>&amp;Enregistrer le règlement</translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Date :</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>jj/mm/aaaa</translation>
    </message>
    <message>
      <source>&amp;Amount (€):</source>
      <translation>&amp;Montant (€) :</translation>
    </message>
    <message>
      <source>&amp;Method:</source>
      <translation>Mo&amp;yen de paiement :</translation>
    </message>
    <message>
      <source>&amp;Reference:</source>
      <translation>&amp;Référence :</translation>
    </message>
    <message>
      <source>Cheque number, transfer label…</source>
      <translation>Numéro de chèque, libellé du virement…</translation>
    </message>
  </context>
  <context>
    <name>PdfPreview</name>
    <message>
      <source>Document preview</source>
      <translation>Aperçu du document</translation>
    </message>
    <message>
      <source>Previous page (Page Up)</source>
      <translation>Page précédente (Page Up)</translation>
    </message>
    <message>
      <source>Next page (Page Down)</source>
      <translation>Page suivante (Page Down)</translation>
    </message>
    <message>
      <source>Zoom out (Ctrl+-)</source>
      <translation>Réduire (Ctrl+-)</translation>
    </message>
    <message>
      <source>Zoom in (Ctrl++)</source>
      <translation>Agrandir (Ctrl++)</translation>
    </message>
    <message>
      <source>Fit the width</source>
      <translation>Ajuster à la largeur</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Ajuster</translation>
    </message>
    <message>
      <source>This document cannot be shown: it is not a readable PDF.</source>
      <translation>Ce document ne peut pas être affiché : ce n’est pas un PDF lisible.</translation>
    </message>
    <message>
      <source>Page %1 of %2</source>
      <translation>Page %1 sur %2</translation>
    </message>
  </context>
  <context>
    <name>PricePanel</name>
    <message>
      <source>Price (as the quote will print it)</source>
      <translation>Prix (tel que le devis l’imprimera)</translation>
    </message>
    <message>
      <source>Price</source>
      <translation>Prix</translation>
    </message>
    <message>
      <source>Rate:</source>
      <translation>Tarif :</translation>
    </message>
    <message>
      <source>Days charged:</source>
      <translation>Jours facturés :</translation>
    </message>
    <message>
      <source>Discounts:</source>
      <translation>Remises :</translation>
    </message>
    <message>
      <source>Minimum charge:</source>
      <translation>Minimum de facturation :</translation>
    </message>
    <message>
      <source>Total excl. VAT:</source>
      <translation>Total HT :</translation>
    </message>
    <message>
      <source>VAT:</source>
      <translation>TVA :</translation>
    </message>
    <message>
      <source>Total incl. VAT:</source>
      <translation>Total TTC :</translation>
    </message>
    <message>
      <source>Deposit (not invoiced):</source>
      <translation>Caution (non facturée) :</translation>
    </message>
    <message>
      <source>Choose the customer to see the price.</source>
      <translation>Choisissez le client pour voir le prix.</translation>
    </message>
    <message>
      <source>VAT (%1):</source>
      <translation>TVA (%1) :</translation>
    </message>
    <message>
      <source>member rate: member no. %1 (no end date)</source>
      <translation>tarif sociétaire : membre n° %1 (sans date de fin)</translation>
    </message>
    <message>
      <source>member rate: member no. %1 until %2</source>
      <translation>tarif sociétaire : membre n° %1 jusqu’au %2</translation>
    </message>
    <message>
      <source>non-member, %1</source>
      <translation>non-membre, %1</translation>
    </message>
    <message>
      <source>non-member rate: no membership covers these days</source>
      <translation>tarif non-membre : aucune adhésion ne couvre ces jours</translation>
    </message>
    <message numerus="yes">
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n jour</numerusform>
        <numerusform>%n jours</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(weekend rule: out Friday, back Monday, %n day(s) of use)</source>
      <translation>
        <numerusform>(règle du week-end : sortie le vendredi, retour le lundi, %n jour d’utilisation)</numerusform>
        <numerusform>(règle du week-end : sortie le vendredi, retour le lundi, %n jours d’utilisation)</numerusform>
      </translation>
    </message>
    <message>
      <source>coefficient %1</source>
      <translation>coefficient %1</translation>
    </message>
    <message>
      <source>%1 on the booking</source>
      <translation>%1 sur la réservation</translation>
    </message>
    <message>
      <source>no discount</source>
      <translation>aucune remise</translation>
    </message>
    <message>
      <source>no minimum</source>
      <translation>aucun minimum</translation>
    </message>
    <message>
      <source>%1: the rental is topped up by %2</source>
      <translation>%1 : la location est complétée de %2</translation>
    </message>
    <message>
      <source>%1 (reached)</source>
      <translation>%1 (atteint)</translation>
    </message>
  </context>
  <context>
    <name>PricingScreen</name>
    <message>
      <source>Category / customer</source>
      <translation>Catégorie / client</translation>
    </message>
    <message>
      <source>Code / number</source>
      <translation>Code / numéro</translation>
    </message>
    <message>
      <source>Price categories</source>
      <translation>Catégories tarifaires</translation>
    </message>
    <message>
      <source>No price category yet. Add one on the right (e.g. partner communes), then put its customers in it.</source>
      <translation>Aucune catégorie tarifaire pour l’instant. Ajoutez-en une à droite (par exemple les communes partenaires), puis placez-y ses clients.</translation>
    </message>
    <message>
      <source>A customer in a category pays its day rates (set with each item type); the others pay the member or non-member rate.</source>
      <translation>Un client d’une catégorie paie ses tarifs journaliers (saisis avec chaque type de matériel) ; les autres paient le tarif adhérent ou non-adhérent.</translation>
    </message>
    <message>
      <source>New price category</source>
      <translation>Nouvelle catégorie tarifaire</translation>
    </message>
    <message>
      <source>e.g. COMMUNES</source>
      <translation>ex. COMMUNES</translation>
    </message>
    <message>
      <source>Co&amp;de:</source>
      <translation>Co&amp;de :</translation>
    </message>
    <message>
      <source>e.g. Partner communes</source>
      <translation>ex. Communes partenaires</translation>
    </message>
    <message>
      <source>Na&amp;me:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>Add the &amp;category</source>
      <translation>Ajouter la &amp;catégorie</translation>
    </message>
    <message>
      <source>Customers of a category</source>
      <translation>Clients d’une catégorie</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Cus&amp;tomer:</source>
      <translation>C&amp;lient :</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Cate&amp;gory:</source>
      <translation>Ca&amp;tégorie :</translation>
    </message>
    <message>
      <source>&amp;Assign</source>
      <translation>&amp;Affecter</translation>
    </message>
    <message>
      <source>None (member / non-member rates)</source>
      <translation>Aucune (tarifs adhérent / non-adhérent)</translation>
    </message>
    <message>
      <source>Price category added.</source>
      <translation>Catégorie tarifaire ajoutée.</translation>
    </message>
    <message>
      <source>Choose the customer from the list.</source>
      <translation>Choisissez le client dans la liste.</translation>
    </message>
    <message>
      <source>Customer's category saved.</source>
      <translation>Catégorie du client enregistrée.</translation>
    </message>
    <message>
      <source>Weekend</source>
      <translation>Week-end</translation>
    </message>
    <message>
      <source>Late returns</source>
      <translation>Retards de restitution</translation>
    </message>
    <message>
      <source>Charges and terms</source>
      <translation>Facturation et échéances</translation>
    </message>
    <message>
      <source>Save the r&amp;ules</source>
      <translation>Enregistrer les rè&amp;gles</translation>
    </message>
    <message>
      <source>&amp;Weekend rule: out on Friday afternoon, back on Monday morning = 1 day</source>
      <translation>&amp;Règle du week-end : sortie le vendredi après-midi, retour le lundi matin = 1 jour</translation>
    </message>
    <message>
      <source>Out on Friday &amp;from:</source>
      <translation>Sortie le vendredi à partir &amp;de :</translation>
    </message>
    <message>
      <source>Back on Monday &amp;by:</source>
      <translation>Retour le lundi a&amp;vant :</translation>
    </message>
    <message>
      <source>Write times as 14:00.</source>
      <translation>Heures au format 14:00.</translation>
    </message>
    <message>
      <source>Each late day at the day rate</source>
      <translation>Chaque jour de retard au tarif journalier</translation>
    </message>
    <message>
      <source>A fee per piece and per late day</source>
      <translation>Un forfait par pièce et par jour de retard</translation>
    </message>
    <message>
      <source>Not charged</source>
      <translation>Non facturés</translation>
    </message>
    <message>
      <source>&amp;Late returns:</source>
      <translation>Ret&amp;ards :</translation>
    </message>
    <message>
      <source>Late f&amp;ee (€ excl. VAT, per piece and day):</source>
      <translation>&amp;Forfait de retard (€ HT, par pièce et par jour) :</translation>
    </message>
    <message>
      <source>Counted in whole days after the planned return's day, from the check-in scan; a weekend booking back on Monday after the hour above loses its free Monday. The invoice shows the late days as the line's own period.</source>
      <translation>Comptés en jours entiers après le jour du retour prévu, d’après le scan de retour ; une location de week-end rendue le lundi après l’heure ci-dessus perd son lundi gratuit. La facture indique les jours de retard comme période propre de la ligne.</translation>
    </message>
    <message>
      <source>&amp;Minimum charge (€, excl. VAT):</source>
      <translation>&amp;Minimum de facturation (€ HT) :</translation>
    </message>
    <message>
      <source>&amp;Payment term (days):</source>
      <translation>Délai de &amp;paiement (jours) :</translation>
    </message>
    <message>
      <source>&amp;Quote valid for (days):</source>
      <translation>Validité du d&amp;evis (jours) :</translation>
    </message>
    <message>
      <source>Default &amp;VAT rate (%):</source>
      <translation>&amp;Taux de TVA par défaut (%) :</translation>
    </message>
    <message>
      <source>Outside the scope of VAT (indemnity)</source>
      <translation>Hors du champ de la TVA (indemnité)</translation>
    </message>
    <message>
      <source>&amp;Damage and loss charges:</source>
      <translation>Frais de &amp;casse et de perte :</translation>
    </message>
    <message>
      <source>VAT is the safer choice: a charge agreed in advance may count as the price of a service. Outside the scope of VAT (a pure compensation for a loss) once your accountant confirms it; such charges go on an invoice of their own.</source>
      <translation>La TVA est le choix le plus sûr : des frais convenus d’avance peuvent être vus comme le prix d’un service. Hors du champ de la TVA (la pure réparation d’un préjudice) une fois confirmé par votre expert-comptable ; ces frais vont alors sur une facture à part.</translation>
    </message>
    <message>
      <source>VAT {rate} %</source>
      <translation>TVA {rate} %</translation>
    </message>
    <message>
      <source>Rules saved.</source>
      <translation>Règles enregistrées.</translation>
    </message>
    <message>
      <source>Day coefficients</source>
      <translation>Coefficients journaliers</translation>
    </message>
    <message>
      <source>Rules and terms</source>
      <translation>Règles et conditions</translation>
    </message>
    <message>
      <source>Pricing</source>
      <translation>Tarifs</translation>
    </message>
    <message>
      <source>Coefficient tables</source>
      <translation>Barèmes de coefficients</translation>
    </message>
    <message>
      <source>&amp;New table</source>
      <translation>&amp;Nouveau barème</translation>
    </message>
    <message>
      <source>Tables:</source>
      <translation>Barèmes :</translation>
    </message>
    <message>
      <source>Table na&amp;me:</source>
      <translation>Nom du &amp;barème :</translation>
    </message>
    <message>
      <source>&amp;Default table (for families without their own)</source>
      <translation>Barème par &amp;défaut (pour les familles sans barème propre)</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>Jours</translation>
    </message>
    <message>
      <source>Coefficient</source>
      <translation>Coefficient</translation>
    </message>
    <message>
      <source>Steps: days and coefficient</source>
      <translation>Paliers : jours et coefficient</translation>
    </message>
    <message>
      <source>S&amp;teps:</source>
      <translation>Pa&amp;liers :</translation>
    </message>
    <message>
      <source>Each row: a number of days and its coefficient (the day rate is multiplied by it). Beyond the last row the coefficient grows by the last step.</source>
      <translation>Chaque ligne : un nombre de jours et son coefficient (qui multiplie le tarif journalier). Au-delà de la dernière ligne, le coefficient croît du dernier écart.</translation>
    </message>
    <message>
      <source>&amp;Add a step</source>
      <translation>&amp;Ajouter un palier</translation>
    </message>
    <message>
      <source>&amp;Remove the step</source>
      <translation>&amp;Retirer le palier</translation>
    </message>
    <message>
      <source>&amp;Save the table</source>
      <translation>&amp;Enregistrer le barème</translation>
    </message>
    <message>
      <source>Table of each equipment family</source>
      <translation>Barème de chaque famille de matériel</translation>
    </message>
    <message>
      <source>%1:</source>
      <translation>%1 :</translation>
    </message>
    <message>
      <source>Save the &amp;families</source>
      <translation>Enregistrer les &amp;familles</translation>
    </message>
    <message>
      <source>(default)</source>
      <translation>(par défaut)</translation>
    </message>
    <message>
      <source>— built in, not saved yet</source>
      <translation>— intégré, pas encore enregistré</translation>
    </message>
    <message>
      <source>The default table</source>
      <translation>Le barème par défaut</translation>
    </message>
    <message>
      <source>Table %1 saved.</source>
      <translation>Barème %1 enregistré.</translation>
    </message>
    <message>
      <source>Families saved.</source>
      <translation>Familles enregistrées.</translation>
    </message>
  </context>
  <context>
    <name>Printing</name>
    <message>
      <source>Printing %1…</source>
      <translation>Impression de %1…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Printing</source>
      <translation>Impression</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <source>Printing %1: page %2 of %3…</source>
      <translation>Impression de %1 : page %2 sur %3…</translation>
    </message>
    <message>
      <source>Print %1</source>
      <translation>Imprimer %1</translation>
    </message>
  </context>
  <context>
    <name>RefundDialog</name>
    <message>
      <source>Refund on %1</source>
      <translation>Remboursement sur %1</translation>
    </message>
    <message>
      <source>To refund:</source>
      <translation>À rembourser :</translation>
    </message>
    <message>
      <source>The customer paid more than the invoice owes after its credit notes. Record here the money given back; the invoice is then settled.</source>
      <translation>Le client a payé plus que ce que la facture doit après ses avoirs. Enregistrez ici l’argent rendu ; la facture est alors soldée.</translation>
    </message>
    <message>
      <source>Record the &amp;refund</source>
      <translation>&amp;Enregistrer le remboursement</translation>
    </message>
  </context>
  <context>
    <name>RepairDialog</name>
    <message>
      <source>Log repair of %1</source>
      <translation>Réparation de %1</translation>
    </message>
    <message>
      <source>&amp;Work done:</source>
      <translation>&amp;Travaux effectués :</translation>
    </message>
    <message>
      <source>&amp;Repairer:</source>
      <translation>&amp;Réparateur :</translation>
    </message>
    <message>
      <source>&amp;Cost (€):</source>
      <translation>&amp;Coût (€) :</translation>
    </message>
    <message>
      <source>&amp;Back in service</source>
      <translation>Remis en &amp;service</translation>
    </message>
  </context>
  <context>
    <name>ReportsScreen</name>
    <message>
      <source>Revenue</source>
      <translation>Chiffre d’affaires</translation>
    </message>
    <message>
      <source>Utilisation of the equipment</source>
      <translation>Taux d’utilisation du matériel</translation>
    </message>
    <message>
      <source>Receivables (who owes what)</source>
      <translation>Créances (qui doit quoi)</translation>
    </message>
    <message>
      <source>Members' savings</source>
      <translation>Économies des sociétaires</translation>
    </message>
    <message>
      <source>Revenue per owner of pooled equipment</source>
      <translation>Recettes par propriétaire du matériel mutualisé</translation>
    </message>
    <message>
      <source>Inspections due</source>
      <translation>Contrôles à faire</translation>
    </message>
    <message>
      <source>By month</source>
      <translation>Par mois</translation>
    </message>
    <message>
      <source>By equipment family</source>
      <translation>Par famille de matériel</translation>
    </message>
    <message>
      <source>Members / non-members</source>
      <translation>Sociétaires / non-sociétaires</translation>
    </message>
    <message>
      <source>By item type</source>
      <translation>Par type de matériel</translation>
    </message>
    <message>
      <source>Most used</source>
      <translation>Les plus utilisés</translation>
    </message>
    <message>
      <source>Least used</source>
      <translation>Les moins utilisés</translation>
    </message>
    <message>
      <source>By owner</source>
      <translation>Par propriétaire</translation>
    </message>
    <message>
      <source>By customer</source>
      <translation>Par client</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>&amp;Report:</source>
      <translation>&amp;Rapport :</translation>
    </message>
    <message>
      <source>This month</source>
      <translation>Ce mois-ci</translation>
    </message>
    <message>
      <source>Last month</source>
      <translation>Le mois dernier</translation>
    </message>
    <message>
      <source>This year</source>
      <translation>Cette année</translation>
    </message>
    <message>
      <source>Last year</source>
      <translation>L’année dernière</translation>
    </message>
    <message>
      <source>Other dates</source>
      <translation>Autres dates</translation>
    </message>
    <message>
      <source>&amp;Period:</source>
      <translation>&amp;Période :</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Du</translation>
    </message>
    <message>
      <source>To</source>
      <translation>Au</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>S&amp;ection:</source>
      <translation>&amp;Section :</translation>
    </message>
    <message>
      <source>&amp;Compute</source>
      <translation>&amp;Calculer</translation>
    </message>
    <message>
      <source>Export C&amp;SV…</source>
      <translation>Exporter en CS&amp;V…</translation>
    </message>
    <message>
      <source>Export &amp;XLSX…</source>
      <translation>Exporter en &amp;XLSX…</translation>
    </message>
    <message>
      <source>&amp;Monthly statements…</source>
      <translation>Relevés &amp;mensuels…</translation>
    </message>
    <message>
      <source>Rep&amp;orts</source>
      <translation>Rapp&amp;orts</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>Rapport</translation>
    </message>
    <message>
      <source>Computing the report…</source>
      <translation>Calcul du rapport…</translation>
    </message>
    <message>
      <source>Nothing in this report for these dates. Choose another period above, or another report.</source>
      <translation>Rien dans ce rapport pour ces dates. Choisissez une autre période ci-dessus, ou un autre rapport.</translation>
    </message>
    <message>
      <source>The period ends before it starts.</source>
      <translation>La période se termine avant de commencer.</translation>
    </message>
    <message>
      <source>%1 to %2</source>
      <translation>du %1 au %2</translation>
    </message>
    <message>
      <source>Export as CSV</source>
      <translation>Exporter en CSV</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
      <source>Export as XLSX</source>
      <translation>Exporter en XLSX</translation>
    </message>
    <message>
      <source>Excel workbooks (*.xlsx)</source>
      <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
      <source>Cannot write %1: %2</source>
      <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
      <source>Exported to %1.</source>
      <translation>Exporté dans %1.</translation>
    </message>
  </context>
  <context>
    <name>SchedulesDialog</name>
    <message>
      <source>Inspection schedules of %1</source>
      <translation>Contrôles périodiques de %1</translation>
    </message>
    <message>
      <source>Inspection schedules</source>
      <translation>Contrôles périodiques</translation>
    </message>
    <message>
      <source>No periodic inspection for this item type. Name one below, then Add schedule.</source>
      <translation>Aucun contrôle périodique pour ce type de matériel. Nommez-en un ci-dessous, puis Ajouter le contrôle.</translation>
    </message>
    <message>
      <source>&amp;Remove selected</source>
      <translation>&amp;Supprimer la sélection</translation>
    </message>
    <message>
      <source>e.g. VGP (periodic check)</source>
      <translation>ex. VGP (vérification générale périodique)</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Désignation :</translation>
    </message>
    <message>
      <source> months</source>
      <translation> mois</translation>
    </message>
    <message>
      <source>&amp;Every:</source>
      <translation>&amp;Tous les :</translation>
    </message>
    <message>
      <source>Also at each re-mount (touring hoists)</source>
      <translation>Aussi à chaque remontage (palans de tournée)</translation>
    </message>
    <message>
      <source>&amp;Add schedule</source>
      <translation>&amp;Ajouter le contrôle</translation>
    </message>
    <message>
      <source>%1 — every %2 months</source>
      <translation>%1 — tous les %2 mois</translation>
    </message>
    <message>
      <source>(and at each re-mount)</source>
      <translation>(et à chaque remontage)</translation>
    </message>
  </context>
  <context>
    <name>SettingsDialog</name>
    <message>
      <source>System</source>
      <translation>Système</translation>
    </message>
    <message>
      <source>Light</source>
      <translation>Clair</translation>
    </message>
    <message>
      <source>Dark</source>
      <translation>Sombre</translation>
    </message>
    <message>
      <source>Settings</source>
      <translation>Paramètres</translation>
    </message>
    <message>
      <source>This computer</source>
      <translation>Cet ordinateur</translation>
    </message>
    <message>
      <source>System language</source>
      <translation>Langue du système</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Langue :</translation>
    </message>
    <message>
      <source>A new language applies when Régie is restarted.</source>
      <translation>La nouvelle langue s’applique au prochain démarrage de Régie.</translation>
    </message>
    <message>
      <source>Appea&amp;rance:</source>
      <translation>Appa&amp;rence :</translation>
    </message>
    <message>
      <source>The cooperative</source>
      <translation>La coopérative</translation>
    </message>
    <message>
      <source>Cooperative &amp;name:</source>
      <translation>&amp;Nom de la coopérative :</translation>
    </message>
    <message>
      <source>&amp;Address:</source>
      <translation>&amp;Adresse :</translation>
    </message>
    <message>
      <source>&amp;Email:</source>
      <translation>&amp;E-mail :</translation>
    </message>
    <message>
      <source>&amp;Phone:</source>
      <translation>&amp;Téléphone :</translation>
    </message>
    <message>
      <source>Legal &amp;identity…</source>
      <translation>&amp;Identité légale…</translation>
    </message>
    <message>
      <source>SIREN, SIRET, VAT number, IBAN… printed on every invoice</source>
      <translation>SIREN, SIRET, numéro de TVA, IBAN… imprimés sur chaque facture</translation>
    </message>
    <message>
      <source>Acco&amp;unt numbers…</source>
      <translation>Comptes &amp;comptables…</translation>
    </message>
    <message>
      <source>Account numbers and journals of the accounting export (FEC)</source>
      <translation>Numéros de compte et journaux de l’export comptable (FEC)</translation>
    </message>
    <message>
      <source>Cash and card payments from individuals go through our &amp;till</source>
      <translation>Les paiements en espèces et par carte des particuliers passent par notre &amp;caisse</translation>
    </message>
    <message>
      <source>Régie is not a certified cash system (NF 525). Tick this only if such payments are recorded in the cooperative's certified till: Régie then accepts a copy of them for the invoices' balances; otherwise it refuses them.</source>
      <translation>Régie n’est pas un logiciel de caisse certifié (NF 525). Ne cochez que si ces paiements sont enregistrés dans la caisse certifiée de la coopérative : Régie en accepte alors une copie pour le solde des factures ; sinon il les refuse.</translation>
    </message>
    <message>
      <source>Database:</source>
      <translation>Base de données :</translation>
    </message>
    <message>
      <source>Change the &amp;database…</source>
      <translation>Changer de &amp;base de données…</translation>
    </message>
    <message>
      <source>A file on this computer or a PostgreSQL server</source>
      <translation>Un fichier sur cet ordinateur ou un serveur PostgreSQL</translation>
    </message>
    <message>
      <source>Régie opens %1 when it is restarted.</source>
      <translation>Régie ouvrira %1 au prochain démarrage.</translation>
    </message>
    <message>
      <source>(Not while REGIE_DB names another database: it comes first.)</source>
      <translation>(Pas tant que REGIE_DB désigne une autre base : elle passe avant.)</translation>
    </message>
  </context>
  <context>
    <name>SetupWizard</name>
    <message>
      <source>Ready to create</source>
      <translation>Prêt à créer</translation>
    </message>
    <message>
      <source>Check what Régie will write, then Create. The database is made whole or not at all; everything can be changed later in the settings.</source>
      <translation>Vérifiez ce que Régie va enregistrer, puis Créer. La base est créée entière ou pas du tout ; tout se modifie ensuite dans les paramètres.</translation>
    </message>
    <message>
      <source>franchise en base (art. 293 B du CGI)</source>
      <translation>franchise en base (art. 293 B du CGI)</translation>
    </message>
    <message>
      <source>charged, {rate} % by default</source>
      <translation>facturée, {rate} % par défaut</translation>
    </message>
    <message>
      <source>the calendar year</source>
      <translation>l’année civile</translation>
    </message>
    <message>
      <source>from {day} each year</source>
      <translation>à partir du {day} chaque année</translation>
    </message>
    <message>
      <source>Cooperative</source>
      <translation>Coopérative</translation>
    </message>
    <message>
      <source>Share capital</source>
      <translation>Capital social</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>SIRET</source>
      <translation>SIRET</translation>
    </message>
    <message>
      <source>SIREN</source>
      <translation>SIREN</translation>
    </message>
    <message>
      <source>RCS or RNA</source>
      <translation>RCS ou RNA</translation>
    </message>
    <message>
      <source>VAT number</source>
      <translation>Numéro de TVA</translation>
    </message>
    <message>
      <source>IBAN</source>
      <translation>IBAN</translation>
    </message>
    <message>
      <source>BIC</source>
      <translation>BIC</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Logo</source>
      <translation>Logo</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>oui</translation>
    </message>
    <message>
      <source>VAT</source>
      <translation>TVA</translation>
    </message>
    <message>
      <source>Numbers</source>
      <translation>Numéros</translation>
    </message>
    <message>
      <source>payment within {days} days</source>
      <translation>paiement sous {days} jours</translation>
    </message>
    <message>
      <source>Day coefficients</source>
      <translation>Coefficients de durée</translation>
    </message>
    <message>
      <source>Membership year</source>
      <translation>Année d’adhésion</translation>
    </message>
    <message>
      <source>Administrator</source>
      <translation>Administrateur</translation>
    </message>
    <message>
      <source> (with a password)</source>
      <translation> (avec un mot de passe)</translation>
    </message>
    <message>
      <source> (no password yet)</source>
      <translation> (sans mot de passe pour l’instant)</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>Base de données</translation>
    </message>
    <message>
      <source>Set up my cooperative — Régie</source>
      <translation>Configurer ma coopérative — Régie</translation>
    </message>
    <message>
      <source>&lt; &amp;Back</source>
      <translation>&lt; &amp;Précédent</translation>
    </message>
    <message>
      <source>&amp;Next &gt;</source>
      <translation>&amp;Suivant &gt;</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>C&amp;reate</source>
      <translation>C&amp;réer</translation>
    </message>
    <message>
      <source>Creating the database…</source>
      <translation>Création de la base…</translation>
    </message>
    <message>
      <source>Your cooperative is set up already: its database is {path}. Régie opens it when it starts (choose another database in Settings → Database).</source>
      <translation>Votre coopérative est déjà configurée : sa base est {path}. Régie l’ouvre au démarrage (choisissez une autre base dans Paramètres → Base de données).</translation>
    </message>
    <message>
      <source>Your cooperative is set up — Régie</source>
      <translation>Votre coopérative est configurée — Régie</translation>
    </message>
    <message>
      <source>Your cooperative is set up. Import your customers, catalogue, rates and unpaid invoices from your spreadsheets now? (File → Import data, later.)</source>
      <translation>Votre coopérative est configurée. Importer maintenant vos clients, votre catalogue, vos tarifs et vos factures impayées depuis vos tableurs ? (Plus tard : Fichier → Importer des données.)</translation>
    </message>
    <message>
      <source>&amp;Import now</source>
      <translation>&amp;Importer maintenant</translation>
    </message>
    <message>
      <source>&amp;Later</source>
      <translation>&amp;Plus tard</translation>
    </message>
    <message>
      <source>* required</source>
      <translation>* obligatoire</translation>
    </message>
    <message>
      <source>Your cooperative</source>
      <translation>Votre coopérative</translation>
    </message>
    <message>
      <source>Its legal identity, printed on every quote, invoice and credit note. Each number is checked as you type it.</source>
      <translation>Son identité légale, imprimée sur chaque devis, facture et avoir. Chaque numéro est vérifié pendant la saisie.</translation>
    </message>
    <message>
      <source>Na&amp;me:</source>
      <translation>&amp;Nom :</translation>
    </message>
    <message>
      <source>&amp;Legal form:</source>
      <translation>&amp;Forme juridique :</translation>
    </message>
    <message>
      <source>Share &amp;capital (€):</source>
      <translation>&amp;Capital social (€) :</translation>
    </message>
    <message>
      <source>SIRE&amp;T:</source>
      <translation>SIRE&amp;T :</translation>
    </message>
    <message>
      <source>S&amp;IREN:</source>
      <translation>S&amp;IREN :</translation>
    </message>
    <message>
      <source>RCS or RN&amp;A:</source>
      <translation>RCS ou RN&amp;A :</translation>
    </message>
    <message>
      <source>&amp;VAT number:</source>
      <translation>Numéro de T&amp;VA :</translation>
    </message>
    <message>
      <source>Address and bank</source>
      <translation>Adresse et banque</translation>
    </message>
    <message>
      <source>Where the cooperative is, how customers reach it and the account they pay into (printed on invoices with the payment terms).</source>
      <translation>Où se trouve la coopérative, comment la joindre et le compte où la payer (imprimé sur les factures avec les conditions de paiement).</translation>
    </message>
    <message>
      <source>&amp;Street:</source>
      <translation>&amp;Adresse (rue) :</translation>
    </message>
    <message>
      <source>&amp;Postcode:</source>
      <translation>&amp;Code postal :</translation>
    </message>
    <message>
      <source>&amp;Town:</source>
      <translation>&amp;Ville :</translation>
    </message>
    <message>
      <source>&amp;Email:</source>
      <translation>&amp;E-mail :</translation>
    </message>
    <message>
      <source>P&amp;hone:</source>
      <translation>&amp;Téléphone :</translation>
    </message>
    <message>
      <source>&amp;IBAN:</source>
      <translation>&amp;IBAN :</translation>
    </message>
    <message>
      <source>BI&amp;C:</source>
      <translation>&amp;BIC :</translation>
    </message>
    <message>
      <source>Printed at the top of your documents. Optional: a PNG or JPEG image; it can be changed later in Settings → Legal identity.</source>
      <translation>Imprimé en tête de vos documents. Facultatif : une image PNG ou JPEG ; il se change ensuite dans Paramètres → Identité légale.</translation>
    </message>
    <message>
      <source>No logo</source>
      <translation>Pas de logo</translation>
    </message>
    <message>
      <source>&amp;Choose a file…</source>
      <translation>&amp;Choisir un fichier…</translation>
    </message>
    <message>
      <source>Remo&amp;ve the logo</source>
      <translation>Retirer le &amp;logo</translation>
    </message>
    <message>
      <source>The cooperative's logo</source>
      <translation>Le logo de la coopérative</translation>
    </message>
    <message>
      <source>Images (*.png *.jpg *.jpeg)</source>
      <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
      <source>{file} cannot be read ({reason}).</source>
      <translation>{file} ne peut pas être lu ({reason}).</translation>
    </message>
    <message>
      <source>Does the cooperative charge VAT on its invoices?</source>
      <translation>La coopérative facture-t-elle la TVA ?</translation>
    </message>
    <message>
      <source>&amp;Yes, VAT is charged at the rate of</source>
      <translation>&amp;Oui, la TVA est facturée au taux de</translation>
    </message>
    <message>
      <source>Default VAT rate (%)</source>
      <translation>Taux de TVA par défaut (%)</translation>
    </message>
    <message>
      <source>No: &amp;franchise en base de TVA (art. 293 B du CGI); invoices say “TVA non applicable, art. 293 B du CGI”</source>
      <translation>Non : &amp;franchise en base de TVA (art. 293 B du CGI) ; les factures portent « TVA non applicable, art. 293 B du CGI »</translation>
    </message>
    <message>
      <source>A cooperative that charges VAT needs its VAT number: go back and type it, or choose the franchise en base.</source>
      <translation>Une coopérative qui facture la TVA a besoin de son numéro de TVA : revenez en arrière pour le saisir, ou choisissez la franchise en base.</translation>
    </message>
    <message>
      <source>Invoice numbers and payment</source>
      <translation>Numérotation et paiement</translation>
    </message>
    <message>
      <source>Numbers follow each other without gaps, per prefix and year. The payment term is printed on every invoice.</source>
      <translation>Les numéros se suivent sans trou, par préfixe et par année. Le délai de paiement est imprimé sur chaque facture.</translation>
    </message>
    <message>
      <source> days</source>
      <translation> jours</translation>
    </message>
    <message>
      <source>From 0 to {limit} days</source>
      <translation>De 0 à {limit} jours</translation>
    </message>
    <message>
      <source>from 0 to {limit} days (the legal maximum)</source>
      <translation>de 0 à {limit} jours (le maximum légal)</translation>
    </message>
    <message>
      <source>&amp;Invoice prefix:</source>
      <translation>Préfixe des &amp;factures :</translation>
    </message>
    <message>
      <source>&amp;Credit note prefix:</source>
      <translation>Préfixe des &amp;avoirs :</translation>
    </message>
    <message>
      <source>&amp;Payment term:</source>
      <translation>&amp;Délai de paiement :</translation>
    </message>
    <message>
      <source>The first invoice: {invoice}; the first credit note: {credit}</source>
      <translation>Première facture : {invoice} ; premier avoir : {credit}</translation>
    </message>
    <message>
      <source>A hire of several days costs the day rate times a coefficient (a weekend of 3 days: 2 days' rate, say). Rates per item are set in Pricing, or imported, later.</source>
      <translation>Une location de plusieurs jours coûte le tarif journalier multiplié par un coefficient (un week-end de 3 jours : 2 jours de tarif, par exemple). Les tarifs par article se règlent ensuite dans Tarifs, ou s’importent.</translation>
    </message>
    <message>
      <source>Days</source>
      <translation>Jours</translation>
    </message>
    <message>
      <source>Coefficient</source>
      <translation>Coefficient</translation>
    </message>
    <message>
      <source>&amp;Add a row</source>
      <translation>&amp;Ajouter une ligne</translation>
    </message>
    <message>
      <source>&amp;Delete the row</source>
      <translation>&amp;Enlever la ligne</translation>
    </message>
    <message>
      <source>Back to the defaul&amp;ts</source>
      <translation>Valeurs par &amp;défaut</translation>
    </message>
    <message>
      <source>Members pay a yearly fee; a new membership runs for the year in which it starts.</source>
      <translation>Les adhérents paient une cotisation annuelle ; une adhésion court sur l’année où elle commence.</translation>
    </message>
    <message>
      <source>The &amp;calendar year (1 January to 31 December)</source>
      <translation>L’&amp;année civile (du 1er janvier au 31 décembre)</translation>
    </message>
    <message>
      <source>A &amp;season starting on 1</source>
      <translation>Une saiso&amp;n commençant le 1er</translation>
    </message>
    <message>
      <source>First month of the season</source>
      <translation>Premier mois de la saison</translation>
    </message>
    <message>
      <source>The first administrator</source>
      <translation>Le premier administrateur</translation>
    </message>
    <message>
      <source>The account that sets everything up and adds the others. Without a password, Régie opens as this administrator by itself on this computer until someone is given one.</source>
      <translation>Le compte qui règle tout et ajoute les autres. Sans mot de passe, Régie s’ouvre seul en tant que cet administrateur sur cet ordinateur, jusqu’à ce qu’un compte reçoive un mot de passe.</translation>
    </message>
    <message>
      <source>&amp;Password:</source>
      <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
      <source>Password &amp;again:</source>
      <translation>Mot de passe, &amp;confirmation :</translation>
    </message>
    <message>
      <source>The two passwords differ.</source>
      <translation>Les deux mots de passe diffèrent.</translation>
    </message>
  </context>
  <context>
    <name>StatementsDialog</name>
    <message>
      <source>Statements</source>
      <translation>Relevés</translation>
    </message>
    <message>
      <source>Monthly statements</source>
      <translation>Relevés mensuels</translation>
    </message>
    <message>
      <source>Every customer with activity or a balance</source>
      <translation>Tous les clients ayant une activité ou un solde</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Print</source>
      <translation>Impression</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Dossier</translation>
    </message>
    <message>
      <source>C&amp;hoose…</source>
      <translation>C&amp;hoisir…</translation>
    </message>
    <message>
      <source>Choose the folder</source>
      <translation>Choisir le dossier</translation>
    </message>
    <message>
      <source>&amp;Month:</source>
      <translation>&amp;Mois :</translation>
    </message>
    <message>
      <source>C&amp;ustomer:</source>
      <translation>Cl&amp;ient :</translation>
    </message>
    <message>
      <source>&amp;Folder:</source>
      <translation>&amp;Dossier :</translation>
    </message>
    <message>
      <source>&amp;Print:</source>
      <translation>Im&amp;primer :</translation>
    </message>
    <message>
      <source>One PDF statement per customer with an invoice, a credit note, a payment or a booking in the month, or a balance at its end; plus one merged PDF to print them all.</source>
      <translation>Un relevé PDF par client ayant une facture, un avoir, un règlement ou une réservation dans le mois, ou un solde à sa fin ; plus un PDF fusionné pour tous les imprimer.</translation>
    </message>
    <message>
      <source>&amp;Write statements</source>
      <translation>&amp;Écrire les relevés</translation>
    </message>
    <message>
      <source>No, only write the files</source>
      <translation>Non, seulement écrire les fichiers</translation>
    </message>
    <message>
      <source>All at once on %1 (default printer, no dialog)</source>
      <translation>Tout d’un coup sur %1 (imprimante par défaut, sans dialogue)</translation>
    </message>
    <message>
      <source>All at once on %1 (no dialog)</source>
      <translation>Tout d’un coup sur %1 (sans dialogue)</translation>
    </message>
    <message>
      <source>All at once, on a printer chosen in the print dialog…</source>
      <translation>Tout d’un coup, sur une imprimante choisie dans le dialogue d’impression…</translation>
    </message>
    <message>
      <source>Folder for the statements</source>
      <translation>Dossier des relevés</translation>
    </message>
    <message>
      <source>Choose the folder for the statements.</source>
      <translation>Choisissez le dossier des relevés.</translation>
    </message>
    <message>
      <source>Writing the statements of %1…</source>
      <translation>Écriture des relevés de %1…</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Annuler</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Annulation…</translation>
    </message>
    <message>
      <source>Statement %1 of %2…</source>
      <translation>Relevé %1 sur %2…</translation>
    </message>
    <message>
      <source>Cancelled: no statement was written.</source>
      <translation>Annulé : aucun relevé n’a été écrit.</translation>
    </message>
    <message>
      <source>No customer had activity or a balance in %1.</source>
      <translation>Aucun client n’a eu d’activité ni de solde en %1.</translation>
    </message>
    <message numerus="yes">
      <source>%Ln statement(s) of %1 written to %2.</source>
      <translation>
        <numerusform>%Ln relevé de %1 écrit dans %2.</numerusform>
        <numerusform>%Ln relevés de %1 écrits dans %2.</numerusform>
      </translation>
    </message>
    <message>
      <source>Closing balances: %1 in all.</source>
      <translation>Soldes de fin de mois : %1 au total.</translation>
    </message>
    <message>
      <source>Paid since the end of the month, as of %1: %2.</source>
      <translation>Réglé depuis la fin du mois, situation au %1 : %2.</translation>
    </message>
    <message>
      <source>&amp;Open the merged PDF</source>
      <translation>&amp;Ouvrir le PDF fusionné</translation>
    </message>
    <message>
      <source>Open the &amp;folder</source>
      <translation>Ouvrir le &amp;dossier</translation>
    </message>
    <message>
      <source>&amp;Print…</source>
      <translation>Im&amp;primer…</translation>
    </message>
    <message>
      <source>Statements %1</source>
      <translation>Relevés %1</translation>
    </message>
    <message>
      <source>Cannot read %1: %2</source>
      <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
      <source>Printing cancelled: the statements are written; print the merged PDF again when you want.</source>
      <translation>Impression annulée : les relevés sont écrits ; imprimez le PDF regroupé quand vous voudrez.</translation>
    </message>
    <message numerus="yes">
      <source>Sent to %1: %n page(s).</source>
      <translation>
        <numerusform>Envoyé à %1 : %n page.</numerusform>
        <numerusform>Envoyé à %1 : %n pages.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StatusDialog</name>
    <message>
      <source>Change status of %1</source>
      <translation>Changer l’état de %1</translation>
    </message>
    <message>
      <source>Current status:</source>
      <translation>État actuel :</translation>
    </message>
    <message>
      <source>&amp;New status:</source>
      <translation>&amp;Nouvel état :</translation>
    </message>
    <message>
      <source>N&amp;ote:</source>
      <translation>&amp;Motif :</translation>
    </message>
    <message>
      <source>Why: fault seen, lost on tour...</source>
      <translation>Pourquoi : panne constatée, perdu en tournée…</translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message>
      <source>&amp;Previous period</source>
      <translation>Période &amp;précédente</translation>
    </message>
    <message>
      <source>&amp;Next period</source>
      <translation>Période &amp;suivante</translation>
    </message>
    <message>
      <source>&amp;Today</source>
      <translation>&amp;Aujourd’hui</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>&amp;Zoom avant</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>&amp;Rechercher</translation>
    </message>
    <message>
      <source>&amp;Refresh</source>
      <translation>A&amp;ctualiser</translation>
    </message>
    <message>
      <source>&amp;Timeline</source>
      <translation>&amp;Planning</translation>
    </message>
    <message>
      <source>No item type in the catalogue yet. Add one in Inventory (Ctrl+1), then plan it here.</source>
      <translation>Aucun matériel au catalogue pour l’instant. Ajoutez-en dans le Parc (Ctrl+1), puis planifiez-le ici.</translation>
    </message>
    <message>
      <source>No item type matches these filters. Clear the filter (Ctrl+F) or choose All categories.</source>
      <translation>Aucun matériel ne correspond à ces filtres. Videz le filtre (Ctrl+F) ou choisissez Toutes les catégories.</translation>
    </message>
    <message>
      <source>Nothing is booked in this period: all the stock is free. Go to another period with Alt+Left or Alt+Right, or create a booking in Bookings (Ctrl+8, then Ctrl+N).</source>
      <translation>Rien n’est réservé sur cette période : tout le matériel est disponible. Passez à une autre période avec Alt+Gauche ou Alt+Droite, ou créez une réservation dans Réservations (Ctrl+8, puis Ctrl+N).</translation>
    </message>
    <message>
      <source>Bookings holding the stock</source>
      <translation>Réservations qui mobilisent le matériel</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Event</source>
      <translation>Événement</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Statut</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantité</translation>
    </message>
    <message>
      <source>Period</source>
      <translation>Période</translation>
    </message>
    <message>
      <source>Click a cell (or press Enter) to see the bookings holding that stock that day.</source>
      <translation>Cliquez sur une case (ou appuyez sur Entrée) pour voir les réservations qui mobilisent ce matériel ce jour-là.</translation>
    </message>
    <message>
      <source>No booking holds this stock that day. Move with the arrows to another day, or create a booking in Bookings (Ctrl+8, then Ctrl+N).</source>
      <translation>Aucune réservation ne mobilise ce matériel ce jour-là. Passez à un autre jour avec les flèches, ou créez une réservation dans Réservations (Ctrl+8, puis Ctrl+N).</translation>
    </message>
    <message>
      <source>Bookings holding %1 on %2</source>
      <translation>Réservations qui mobilisent %1 le %2</translation>
    </message>
    <message>
      <source>No booking holds %1 on %2</source>
      <translation>Aucune réservation ne mobilise %1 le %2</translation>
    </message>
    <message numerus="yes">
      <source>%n free of %1</source>
      <translation>
        <numerusform>%n disponible sur %1</numerusform>
        <numerusform>%n disponibles sur %1</numerusform>
      </translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Matériel</translation>
    </message>
    <message>
      <source>Stock</source>
      <translation>Stock</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>Aujourd’hui</translation>
    </message>
    <message>
      <source>Period shown</source>
      <translation>Période affichée</translation>
    </message>
    <message>
      <source>Week</source>
      <translation>Semaine</translation>
    </message>
    <message>
      <source>Month</source>
      <translation>Mois</translation>
    </message>
    <message>
      <source>Quarter</source>
      <translation>Trimestre</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Échelle</translation>
    </message>
    <message>
      <source>All categories</source>
      <translation>Toutes les catégories</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Filter by code or name… (Ctrl+F)</source>
      <translation>Filtrer par code ou nom… (Ctrl+F)</translation>
    </message>
    <message>
      <source>Filter by code or name</source>
      <translation>Filtrer par code ou nom</translation>
    </message>
    <message>
      <source>Cells: free / stock.</source>
      <translation>Cases : disponible / stock.</translation>
    </message>
    <message>
      <source>Shortage</source>
      <translation>Pénurie</translation>
    </message>
    <message>
      <source>Fully booked</source>
      <translation>Complet</translation>
    </message>
    <message>
      <source>Quotes exceed what is free</source>
      <translation>Devis au-delà du disponible</translation>
    </message>
    <message>
      <source>Quotes pending</source>
      <translation>Devis en attente</translation>
    </message>
    <message>
      <source>Weekend</source>
      <translation>Week-end</translation>
    </message>
    <message>
      <source>Public holiday</source>
      <translation>Jour férié</translation>
    </message>
    <message>
      <source>No item type matches.</source>
      <translation>Aucun matériel ne correspond.</translation>
    </message>
    <message>
      <source>Availability timeline</source>
      <translation>Planning des disponibilités</translation>
    </message>
    <message>
      <source>Item types down, days across: free of stock each day.</source>
      <translation>Le matériel en lignes, les jours en colonnes : le disponible sur le stock, jour par jour.</translation>
    </message>
    <message>
      <source>Short by %1</source>
      <translation>Il en manque %1</translation>
    </message>
    <message>
      <source>Quotes would leave %1</source>
      <translation>Avec les devis, il en resterait %1</translation>
    </message>
  </context>
  <context>
    <name>TypeTableModel</name>
    <message>
      <source>Inspection overdue since %1</source>
      <translation>Contrôle périodique en retard depuis le %1</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Désignation</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>Fabricant</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modèle</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>Quantité</translation>
    </message>
    <message>
      <source>Serviceable</source>
      <translation>Disponible</translation>
    </message>
    <message>
      <source>Next inspection</source>
      <translation>Prochain contrôle</translation>
    </message>
    <message>
      <source>Counted in bulk (stock quantity)</source>
      <translation>Géré en vrac (quantité en stock)</translation>
    </message>
    <message>
      <source>%1 of %2 units serviceable; the others are in repair, lost or retired</source>
      <translation>%1 unités sur %2 en état de servir ; les autres sont en réparation, perdues ou retirées</translation>
    </message>
  </context>
  <context>
    <name>UnitDialog</name>
    <message>
      <source>Edit unit</source>
      <translation>Modifier l’unité</translation>
    </message>
    <message>
      <source>New unit</source>
      <translation>Nouvelle unité</translation>
    </message>
    <message>
      <source>Condition notes:</source>
      <translation>État / remarques :</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Unité</translation>
    </message>
    <message>
      <source>Item type:</source>
      <translation>Type de matériel :</translation>
    </message>
    <message>
      <source>&amp;Barcode:</source>
      <translation>Code-&amp;barres :</translation>
    </message>
    <message>
      <source>Scan a label, or leave empty to generate</source>
      <translation>Scannez une étiquette, ou laissez vide pour générer</translation>
    </message>
    <message>
      <source>&amp;Serial number:</source>
      <translation>&amp;Numéro de série :</translation>
    </message>
    <message>
      <source>S&amp;tatus:</source>
      <translation>É&amp;tat :</translation>
    </message>
    <message>
      <source>The cooperative</source>
      <translation>La coopérative</translation>
    </message>
    <message>
      <source>&amp;Owner:</source>
      <translation>&amp;Propriétaire :</translation>
    </message>
    <message>
      <source>Location and purchase</source>
      <translation>Emplacement et achat</translation>
    </message>
    <message>
      <source>&amp;Location:</source>
      <translation>&amp;Emplacement :</translation>
    </message>
    <message>
      <source>Warehouse shelf, e.g. B3-2</source>
      <translation>Étagère du dépôt, ex. B3-2</translation>
    </message>
    <message>
      <source>&amp;Purchase date:</source>
      <translation>Date d’&amp;achat :</translation>
    </message>
    <message>
      <source>dd/mm/yyyy</source>
      <translation>jj/mm/aaaa</translation>
    </message>
    <message>
      <source>Purchase p&amp;rice (€):</source>
      <translation>P&amp;rix d’achat (€) :</translation>
    </message>
  </context>
  <context>
    <name>UnitTableModel</name>
    <message>
      <source>Barcode</source>
      <translation>Code-barres</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Numéro de série</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Emplacement</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Propriétaire</translation>
    </message>
    <message>
      <source>Next inspection</source>
      <translation>Prochain contrôle</translation>
    </message>
    <message>
      <source>Owned by the cooperative itself</source>
      <translation>Propriété de la coopérative elle-même</translation>
    </message>
    <message>
      <source>Cooperative</source>
      <translation>Coopérative</translation>
    </message>
  </context>
  <context>
    <name>argparse</name>
    <message>
      <source>the following arguments are required: %s</source>
      <translation>les arguments suivants sont obligatoires : %s</translation>
    </message>
    <message>
      <source>unrecognized arguments: %s</source>
      <translation>arguments non reconnus : %s</translation>
    </message>
    <message>
      <source>invalid choice: %(value)r (choose from %(choices)s)</source>
      <translation>choix invalide : %(value)r (choisissez parmi %(choices)s)</translation>
    </message>
    <message>
      <source>argument %(argument_name)s: %(message)s</source>
      <translation>argument %(argument_name)s : %(message)s</translation>
    </message>
    <message>
      <source>expected one argument</source>
      <translation>une valeur est attendue</translation>
    </message>
    <message>
      <source>expected at least one argument</source>
      <translation>au moins une valeur est attendue</translation>
    </message>
    <message>
      <source>expected at most one argument</source>
      <translation>au plus une valeur est attendue</translation>
    </message>
    <message>
      <source>invalid %(type)s value: %(value)r</source>
      <translation>valeur %(type)s invalide : %(value)r</translation>
    </message>
    <message>
      <source>one of the arguments %s is required</source>
      <translation>l’un des arguments %s est obligatoire</translation>
    </message>
    <message>
      <source>not allowed with argument %s</source>
      <translation>interdit avec l’argument %s</translation>
    </message>
    <message>
      <source>ambiguous option: %(option)s could match %(matches)s</source>
      <translation>option ambiguë : %(option)s peut désigner %(matches)s</translation>
    </message>
    <message>
      <source>ignored explicit argument %r</source>
      <translation>argument explicite ignoré : %r</translation>
    </message>
    <message>
      <source>usage: </source>
      <translation>usage : </translation>
    </message>
    <message>
      <source>options</source>
      <translation>options</translation>
    </message>
    <message>
      <source>positional arguments</source>
      <translation>arguments positionnels</translation>
    </message>
    <message>
      <source>show this help message and exit</source>
      <translation>afficher cette aide et quitter</translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message>
      <source>First use: the demonstration cooperative (DEMO) is being prepared in {path}; for your own data: regie init</source>
      <translation>Première utilisation : la coopérative de démonstration (DÉMO) est préparée dans {path} ; pour vos propres données : regie init</translation>
    </message>
    <message>
      <source>see {command} --help</source>
      <translation>voir {command} --help</translation>
    </message>
    <message>
      <source>{prog}: error: {message} ({hint})</source>
      <translation>{prog} : erreur : {message} ({hint})</translation>
    </message>
    <message>
      <source>Interrupted: what was not finished was not saved.</source>
      <translation>Interrompu : ce qui n’était pas terminé n’a pas été enregistré.</translation>
    </message>
    <message>
      <source>regie: error: a date given is too far in the past or the future for Régie to compute with; give a date between the years 1900 and 2199.</source>
      <translation>regie : erreur : une date donnée est trop loin dans le passé ou l’avenir pour que Régie puisse calculer avec ; donnez une date entre les années 1900 et 2199.</translation>
    </message>
    <message>
      <source>regie: error: argument {argument} is not valid UTF-8 text.</source>
      <translation>regie : erreur : l’argument {argument} n’est pas un texte UTF-8 valide.</translation>
    </message>
    <message>
      <source>No account has a password on this server yet: give {name} one now (regie --user {name} accounts passwd {name}).</source>
      <translation>Aucun compte n’a encore de mot de passe sur ce serveur : donnez-en un à {name} dès maintenant (regie --user {name} accounts passwd {name}).</translation>
    </message>
    <message>
      <source>Password for {name}: </source>
      <translation>Mot de passe de {name} : </translation>
    </message>
    <message>
      <source>Unexpected error ({error}); nothing more is known.</source>
      <translation>Erreur inattendue ({error}) ; on n’en sait pas plus.</translation>
    </message>
    <message>
      <source>Unexpected error ({error}); the details are in {log}.</source>
      <translation>Erreur inattendue ({error}) ; les détails sont dans {log}.</translation>
    </message>
    <message>
      <source>The database is busy ({holders} is writing to it) — waiting…</source>
      <translation>La base de données est occupée ({holders} y écrit) — attente…</translation>
    </message>
    <message>
      <source>The database is busy (another program is writing to it) — waiting…</source>
      <translation>La base de données est occupée (un autre programme y écrit) — attente…</translation>
    </message>
    <message>
      <source>people who use Régie: roles, passwords, badges</source>
      <translation>les personnes qui utilisent Régie : rôles, mots de passe, badges</translation>
    </message>
    <message>
      <source>add an account</source>
      <translation>ajouter un compte</translation>
    </message>
    <message>
      <source>the account's name (to log in)</source>
      <translation>le nom du compte (pour se connecter)</translation>
    </message>
    <message>
      <source>what it may do</source>
      <translation>ce qu’il peut faire</translation>
    </message>
    <message>
      <source>the person's full name</source>
      <translation>le nom complet de la personne</translation>
    </message>
    <message>
      <source>print JSON</source>
      <translation>afficher en JSON</translation>
    </message>
    <message>
      <source>list the accounts</source>
      <translation>lister les comptes</translation>
    </message>
    <message>
      <source>show one account</source>
      <translation>afficher un compte</translation>
    </message>
    <message>
      <source>change an account's role</source>
      <translation>changer le rôle d’un compte</translation>
    </message>
    <message>
      <source>stop an account from logging in</source>
      <translation>empêcher un compte de se connecter</translation>
    </message>
    <message>
      <source>let a disabled account log in again</source>
      <translation>permettre à un compte désactivé de se connecter de nouveau</translation>
    </message>
    <message>
      <source>end a lock after wrong passwords</source>
      <translation>lever un verrouillage après des mots de passe erronés</translation>
    </message>
    <message>
      <source>set an account's password</source>
      <translation>définir le mot de passe d’un compte</translation>
    </message>
    <message>
      <source>give an account a new badge code (printed once)</source>
      <translation>donner à un compte un nouveau code de badge (affiché une seule fois)</translation>
    </message>
    <message>
      <source>take its badge away instead</source>
      <translation>lui retirer plutôt son badge</translation>
    </message>
    <message>
      <source>who the command acts as</source>
      <translation>au nom de qui la commande agit</translation>
    </message>
    <message>
      <source>Account {name} added ({role}).</source>
      <translation>Compte {name} ajouté ({role}).</translation>
    </message>
    <message>
      <source>It has no password yet: it cannot log in until an administrator sets one (regie accounts passwd {name}).</source>
      <translation>Il n’a pas encore de mot de passe : il ne peut pas se connecter tant qu’un administrateur ne lui en a pas donné un (regie accounts passwd {name}).</translation>
    </message>
    <message>
      <source>It has no password: it logs in by its name alone on this PC (set one with regie accounts passwd {name}).</source>
      <translation>Il n’a pas de mot de passe : il se connecte par son seul nom sur ce PC (définissez-en un avec regie accounts passwd {name}).</translation>
    </message>
    <message>
      <source>{name} is now {role}.</source>
      <translation>Le compte {name} a désormais le rôle {role}.</translation>
    </message>
    <message>
      <source>{name} is disabled: it can no longer log in.</source>
      <translation>Le compte {name} est désactivé : il ne peut plus se connecter.</translation>
    </message>
    <message>
      <source>{name} is enabled: it can log in again.</source>
      <translation>Le compte {name} est réactivé : il peut de nouveau se connecter.</translation>
    </message>
    <message>
      <source>{name} is unlocked.</source>
      <translation>Le compte {name} est déverrouillé.</translation>
    </message>
    <message>
      <source>The password of {name} is set.</source>
      <translation>Le mot de passe de {name} est défini.</translation>
    </message>
    <message>
      <source>{name} no longer logs in automatically: name it with --user {name} (or REGIE_USER) and give its password (REGIE_PASSWORD or the prompt).</source>
      <translation>Le compte {name} ne se connecte plus automatiquement : indiquez-le avec --user {name} (ou REGIE_USER) et donnez son mot de passe (REGIE_PASSWORD ou l’invite).</translation>
    </message>
    <message>
      <source>{name} has no badge any more.</source>
      <translation>{name} n’a plus de badge.</translation>
    </message>
    <message>
      <source>The new badge of {name} (its old badge no longer works). Print it now (the Accounts screen prints badge labels): it cannot be shown again.</source>
      <translation>Le nouveau badge de {name} (son ancien badge ne fonctionne plus). Imprimez-le maintenant (l’écran Comptes imprime les étiquettes de badge) : il ne pourra plus être affiché.</translation>
    </message>
    <message>
      <source>New password for {name}: </source>
      <translation>Nouveau mot de passe de {name} : </translation>
    </message>
    <message>
      <source>The same password again: </source>
      <translation>Le même mot de passe, encore : </translation>
    </message>
    <message>
      <source>disabled</source>
      <translation>désactivé</translation>
    </message>
    <message>
      <source>locked until {time}</source>
      <translation>verrouillé jusqu’à {time}</translation>
    </message>
    <message>
      <source>password</source>
      <translation>mot de passe</translation>
    </message>
    <message>
      <source>no password</source>
      <translation>sans mot de passe</translation>
    </message>
    <message>
      <source>badge</source>
      <translation>badge</translation>
    </message>
    <message>
      <source>logs in automatically</source>
      <translation>connexion automatique</translation>
    </message>
    <message>
      <source>last login {at}</source>
      <translation>dernière connexion {at}</translation>
    </message>
    <message>
      <source>the audit trail: who changed what, when and where</source>
      <translation>le journal d'audit : qui a modifié quoi, quand et depuis quel poste</translation>
    </message>
    <message>
      <source>first day, e.g. 2026-01-01</source>
      <translation>premier jour, par exemple 2026-01-01</translation>
    </message>
    <message>
      <source>last day (included), e.g. 2026-12-31</source>
      <translation>dernier jour (inclus), par exemple 2026-12-31</translation>
    </message>
    <message>
      <source>only this account's writes</source>
      <translation>seulement les écritures de ce compte</translation>
    </message>
    <message>
      <source>only this table, e.g. booking</source>
      <translation>seulement cette table, par exemple booking</translation>
    </message>
    <message>
      <source>only this row (with --entity)</source>
      <translation>seulement cette ligne (avec --entity)</translation>
    </message>
    <message>
      <source>No recorded write matches.</source>
      <translation>Aucune écriture enregistrée ne correspond.</translation>
    </message>
    <message>
      <source>back the database up (checked, rotated in the backup folder)</source>
      <translation>sauvegarder la base (vérifiée, avec rotation dans le dossier des sauvegardes)</translation>
    </message>
    <message>
      <source>write the backup into this file</source>
      <translation>écrire la sauvegarde dans ce fichier</translation>
    </message>
    <message>
      <source>make DIR this workstation's backup folder (a USB disk, a NAS), then back up</source>
      <translation>faire de DIR le dossier des sauvegardes de ce poste (un disque USB, un NAS), puis sauvegarder</translation>
    </message>
    <message>
      <source>show the backup folder, the last good backup and the backups</source>
      <translation>afficher le dossier des sauvegardes, la dernière sauvegarde vérifiée et les sauvegardes</translation>
    </message>
    <message>
      <source>put a backup in place of the database (checked; the current one kept aside)</source>
      <translation>remettre une sauvegarde à la place de la base (vérifiée ; l’actuelle mise de côté)</translation>
    </message>
    <message>
      <source>the backup file</source>
      <translation>le fichier de sauvegarde</translation>
    </message>
    <message>
      <source>Backup folder of this workstation: {folder}</source>
      <translation>Dossier des sauvegardes de ce poste : {folder}</translation>
    </message>
    <message>
      <source>Backed up and checked: {path}</source>
      <translation>Sauvegardée et vérifiée : {path}</translation>
    </message>
    <message>
      <source>Older backups removed by the rotation: {count}</source>
      <translation>Anciennes sauvegardes supprimées par la rotation : {count}</translation>
    </message>
    <message>
      <source>Backup folder: {folder}</source>
      <translation>Dossier des sauvegardes : {folder}</translation>
    </message>
    <message>
      <source>No good backup yet.</source>
      <translation>Pas encore de sauvegarde vérifiée.</translation>
    </message>
    <message>
      <source>Last good backup: {path} ({when})</source>
      <translation>Dernière sauvegarde vérifiée : {path} ({when})</translation>
    </message>
    <message>
      <source>The last automatic backup failed: {error}</source>
      <translation>La dernière sauvegarde automatique a échoué : {error}</translation>
    </message>
    <message>
      <source>Restored from {path}.</source>
      <translation>Restaurée depuis {path}.</translation>
    </message>
    <message>
      <source>The backup was from an older Régie: it was migrated.</source>
      <translation>La sauvegarde venait d’une version plus ancienne de Régie : elle a été mise à niveau.</translation>
    </message>
    <message>
      <source>The previous database was kept aside: {path}</source>
      <translation>La base précédente a été mise de côté : {path}</translation>
    </message>
    <message>
      <source>several workstations (processes) confirming and scanning at once</source>
      <translation>plusieurs postes (processus) qui confirment et scannent en même temps</translation>
    </message>
    <message>
      <source>length of the contention run (default 60)</source>
      <translation>durée de l’essai de concurrence (60 par défaut)</translation>
    </message>
    <message>
      <source>workstations of the contention run (default 4)</source>
      <translation>postes de l’essai de concurrence (4 par défaut)</translation>
    </message>
    <message>
      <source>database engine of --workload / --contention (default sqlite)</source>
      <translation>moteur de base de --workload / --contention (sqlite par défaut)</translation>
    </message>
    <message>
      <source>run on SQLite and on PostgreSQL, side by side</source>
      <translation>mesurer sur SQLite et sur PostgreSQL, côte à côte</translation>
    </message>
    <message>
      <source>the PostgreSQL server; default REGIE_DB or --db when it is one</source>
      <translation>le serveur PostgreSQL ; par défaut REGIE_DB ou --db quand c’en est un</translation>
    </message>
    <message>
      <source>--contention and --workload are two different runs: choose one.</source>
      <translation>--contention et --workload sont deux mesures différentes : choisissez-en une.</translation>
    </message>
    <message>
      <source>--only chooses among the dataset's operations, not with this run.</source>
      <translation>--only choisit parmi les opérations du jeu de données, pas avec cette mesure.</translation>
    </message>
    <message>
      <source>PostgreSQL figures come from --workload FILE.json or --contention (the dataset suite runs on SQLite).</source>
      <translation>Les mesures PostgreSQL viennent de --workload FICHIER.json ou de --contention (la série sur le jeu de données tourne sur SQLite).</translation>
    </message>
    <message>
      <source>--url {url} is not a PostgreSQL server's URL (postgresql+psycopg://USER@/DB?host=SOCKET_FOLDER&amp;port=PORT).</source>
      <translation>--url {url} n’est pas l’URL d’un serveur PostgreSQL (postgresql+psycopg://UTILISATEUR@/BASE?host=DOSSIER_SOCKET&amp;port=PORT).</translation>
    </message>
    <message>
      <source>--engine postgresql needs the server: --url postgresql+psycopg://USER@/DB?host=SOCKET_FOLDER&amp;port=PORT (or REGIE_DB set to it).</source>
      <translation>--engine postgresql a besoin du serveur : --url postgresql+psycopg://UTILISATEUR@/BASE?host=DOSSIER_SOCKET&amp;port=PORT (ou REGIE_DB qui le désigne).</translation>
    </message>
    <message>
      <source>--seconds must be more than 0 (and at most a day).</source>
      <translation>--seconds doit être supérieur à 0 (et d’au plus un jour).</translation>
    </message>
    <message>
      <source>--workers must be between 1 and 64.</source>
      <translation>--workers doit être compris entre 1 et 64.</translation>
    </message>
    <message>
      <source>bookings: create, confirm, cancel</source>
      <translation>réservations : créer, confirmer, annuler</translation>
    </message>
    <message>
      <source>create a booking (a quote, or confirmed)</source>
      <translation>créer une réservation (un devis, ou confirmée)</translation>
    </message>
    <message>
      <source>the customer number</source>
      <translation>le numéro du client</translation>
    </message>
    <message>
      <source>first day of use (default: the pick-up)</source>
      <translation>début de l’utilisation (par défaut : la sortie)</translation>
    </message>
    <message>
      <source>end of use (default: the return)</source>
      <translation>fin de l’utilisation (par défaut : le retour)</translation>
    </message>
    <message>
      <source>the event</source>
      <translation>l’événement</translation>
    </message>
    <message>
      <source>the venue</source>
      <translation>le lieu</translation>
    </message>
    <message>
      <source>notes</source>
      <translation>notes</translation>
    </message>
    <message>
      <source>an item type or kit code and a quantity (repeatable)</source>
      <translation>un code de type de matériel ou de kit et une quantité (répétable)</translation>
    </message>
    <message>
      <source>confirm it at once (holds the stock)</source>
      <translation>la confirmer aussitôt (bloque le stock)</translation>
    </message>
    <message>
      <source>confirm a booking (checks availability)</source>
      <translation>confirmer une réservation (vérifie la disponibilité)</translation>
    </message>
    <message>
      <source>cancel a booking (frees its stock)</source>
      <translation>annuler une réservation (libère son stock)</translation>
    </message>
    <message>
      <source>show a booking, its lines and warnings</source>
      <translation>afficher une réservation, ses lignes et ses avertissements</translation>
    </message>
    <message>
      <source>the booking reference (R-2027-0042)</source>
      <translation>la référence de la réservation (R-2027-0042)</translation>
    </message>
    <message>
      <source>set the buyer's reference and order number invoices will carry</source>
      <translation>fixer la référence de l’acheteur et le numéro de commande que porteront les factures</translation>
    </message>
    <message>
      <source>list or search bookings</source>
      <translation>lister ou rechercher les réservations</translation>
    </message>
    <message>
      <source>reference, event, venue, customer or item</source>
      <translation>référence, événement, lieu, client ou matériel</translation>
    </message>
    <message>
      <source>only bookings in this status (repeatable)</source>
      <translation>seulement les réservations dans cet état (répétable)</translation>
    </message>
    <message>
      <source>copy a booking to new dates</source>
      <translation>copier une réservation à de nouvelles dates</translation>
    </message>
    <message>
      <source>the new pick-up date-time</source>
      <translation>la nouvelle date et heure de sortie</translation>
    </message>
    <message>
      <source>availability of an item type</source>
      <translation>disponibilité d’un type de matériel</translation>
    </message>
    <message>
      <source>the item type code</source>
      <translation>le code du type de matériel</translation>
    </message>
    <message>
      <source>every item type held beyond its stock</source>
      <translation>chaque type de matériel réservé au-delà de son stock</translation>
    </message>
    <message>
      <source>the warehouse pick list as a PDF</source>
      <translation>la liste de préparation du magasin en PDF</translation>
    </message>
    <message>
      <source>the PDF file to write</source>
      <translation>le fichier PDF à écrire</translation>
    </message>
    <message>
      <source>start (pick-up), e.g. 2027-03-05T09:00</source>
      <translation>début (sortie), par ex. 2027-03-05T09:00</translation>
    </message>
    <message>
      <source>end (return), e.g. 2027-03-08T18:00</source>
      <translation>fin (retour), par ex. 2027-03-08T18:00</translation>
    </message>
    <message>
      <source>the buyer's reference on its invoices (a public buyer's service code; default: the customer's service code)</source>
      <translation>la référence de l’acheteur sur ses factures (le code service d’un acheteur public ; par défaut : le code service du client)</translation>
    </message>
    <message>
      <source>the buyer's purchase order or commitment (engagement) number</source>
      <translation>le numéro de bon de commande ou d’engagement de l’acheteur</translation>
    </message>
    <message>
      <source>buyer reference {buyer}, order number {order}</source>
      <translation>référence acheteur {buyer}, numéro de commande {order}</translation>
    </message>
    <message>
      <source>  warning: {warning}</source>
      <translation>  avertissement : {warning}</translation>
    </message>
    <message>
      <source>warning: {warning}</source>
      <translation>avertissement : {warning}</translation>
    </message>
    <message>
      <source>Booking {ref}: buyer reference {buyer}, order number {order}.</source>
      <translation>Réservation {ref} : référence acheteur {buyer}, numéro de commande {order}.</translation>
    </message>
    <message>
      <source>  {code}: {left} / {wanted} left, {back} back</source>
      <translation>  {code} : {left} / {wanted} sortis, {back} revenus</translation>
    </message>
    <message>
      <source>, {damaged} damaged</source>
      <translation>, {damaged} endommagés</translation>
    </message>
    <message>
      <source>, {missing} missing</source>
      <translation>, {missing} manquants</translation>
    </message>
    <message>
      <source>still out</source>
      <translation>encore dehors</translation>
    </message>
    <message>
      <source>{code}: {available} available of {serviceable} ({reserved} reserved, {tentative} with quotes)</source>
      <translation>{code} : {available} disponible(s) sur {serviceable} ({reserved} réservé(s), {tentative} avec les devis)</translation>
    </message>
    <message>
      <source>No shortage in this period.</source>
      <translation>Aucun manque sur cette période.</translation>
    </message>
    <message numerus="yes">
      <source>{code}: %n missing on {at} ({bookings})</source>
      <translation>
        <numerusform>{code} : %n manquant le {at} ({bookings})</numerusform>
        <numerusform>{code} : %n manquants le {at} ({bookings})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Pick list of %n page(s) written to {path}.</source>
      <translation>
        <numerusform>Liste de préparation de %n page écrite dans {path}.</numerusform>
        <numerusform>Liste de préparation de %n pages écrite dans {path}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Pick list {ref}</source>
      <translation>Liste de préparation {ref}</translation>
    </message>
    <message>
      <source>when the booking is invoiced: issue the full credit note of what remains of each of its invoices and cancel it, in one step</source>
      <translation>si la réservation est facturée : émettre l’avoir total de ce qui reste de chacune de ses factures et l’annuler, en une fois</translation>
    </message>
    <message>
      <source>with --credit-note: the reason printed on the credit note</source>
      <translation>avec --credit-note : le motif imprimé sur l’avoir</translation>
    </message>
    <message>
      <source>with --credit-note: the PDF file of the credit note (several credit notes: FILE-NUMBER.pdf beside it)</source>
      <translation>avec --credit-note : le fichier PDF de l’avoir (plusieurs avoirs : FICHIER-NUMÉRO.pdf à côté)</translation>
    </message>
    <message>
      <source>With --credit-note: prints the credit notes.</source>
      <translation>Avec --credit-note : imprime les avoirs.</translation>
    </message>
    <message>
      <source>{problem} Cancel it and issue the credit note in one step with: regie bookings cancel {ref} --credit-note [--reason TEXT] [--out FILE.pdf]</source>
      <translation>{problem} Annulez-la en émettant l’avoir en une fois avec : regie bookings cancel {ref} --credit-note [--reason TEXTE] [--out FICHIER.pdf]</translation>
    </message>
    <message>
      <source>Credit note {number} issued on {invoice}: {gross} incl. VAT.</source>
      <translation>Avoir {number} émis sur {invoice} : {gross} TTC.</translation>
    </message>
    <message>
      <source>Written to {path}.</source>
      <translation>Écrit dans {path}.</translation>
    </message>
    <message>
      <source>damage charges of bookings (repair costs)</source>
      <translation>frais de casse des réservations (coûts de réparation)</translation>
    </message>
    <message>
      <source>record the repair cost of pieces checked in damaged</source>
      <translation>enregistrer le coût de réparation de pièces revenues abîmées</translation>
    </message>
    <message>
      <source>the item type's code or the barcode of one of its units</source>
      <translation>le code du type d’article ou le code-barres d’une de ses unités</translation>
    </message>
    <message>
      <source>the amount charged, excl. VAT (85.00)</source>
      <translation>le montant facturé, HT (85.00)</translation>
    </message>
    <message>
      <source>how many damaged pieces it covers (default: 1)</source>
      <translation>combien de pièces abîmées il couvre (par défaut : 1)</translation>
    </message>
    <message>
      <source>what was damaged, printed on the invoice (default: réparation)</source>
      <translation>ce qui a été abîmé, imprimé sur la facture (par défaut : réparation)</translation>
    </message>
    <message>
      <source>the damage charges of a booking</source>
      <translation>les frais de casse d’une réservation</translation>
    </message>
    <message>
      <source>invoiced on {invoice}</source>
      <translation>facturé sur {invoice}</translation>
    </message>
    <message>
      <source>not invoiced yet</source>
      <translation>pas encore facturé</translation>
    </message>
    <message>
      <source>{id}. {name} ({code}) × {quantity}: {amount} excl. VAT — {description}; {state}</source>
      <translation>{id}. {name} ({code}) × {quantity} : {amount} HT — {description} ; {state}</translation>
    </message>
    <message>
      <source>Damage charge recorded: {line}</source>
      <translation>Frais de casse enregistrés : {line}</translation>
    </message>
    <message>
      <source>{ref}: no damage charge recorded.</source>
      <translation>{ref} : aucun frais de casse enregistré.</translation>
    </message>
    <message>
      <source>customers and their memberships</source>
      <translation>les clients et leurs adhésions</translation>
    </message>
    <message>
      <source>add a customer</source>
      <translation>ajouter un client</translation>
    </message>
    <message>
      <source>the customer's name</source>
      <translation>le nom du client</translation>
    </message>
    <message>
      <source>the country, ISO 3166 two-letter code (default: FR)</source>
      <translation>le pays, code ISO 3166 à deux lettres (par défaut : FR)</translation>
    </message>
    <message>
      <source>SIREN (French customers only)</source>
      <translation>SIREN (clients français seulement)</translation>
    </message>
    <message>
      <source>SIRET (French customers only)</source>
      <translation>SIRET (clients français seulement)</translation>
    </message>
    <message>
      <source>VAT number, with its country prefix (BE0…)</source>
      <translation>numéro de TVA, avec le préfixe de son pays (BE0…)</translation>
    </message>
    <message>
      <source>a public body invoiced through Chorus Pro (needs its SIRET; default: yes for a commune)</source>
      <translation>un organisme public facturé par Chorus Pro (avec son SIRET ; par défaut : oui pour une commune)</translation>
    </message>
    <message>
      <source>its Chorus Pro service code (the invoices' buyer reference)</source>
      <translation>son code service Chorus Pro (la référence acheteur des factures)</translation>
    </message>
    <message>
      <source>the customer number (default: the next free one)</source>
      <translation>le numéro du client (par défaut : le prochain libre)</translation>
    </message>
    <message>
      <source>membership number</source>
      <translation>numéro de sociétaire</translation>
    </message>
    <message>
      <source>first day of the membership (2027-01-01)</source>
      <translation>premier jour de l’adhésion (2027-01-01)</translation>
    </message>
    <message>
      <source>last day of the membership (default: the end of its membership year; 'open': none)</source>
      <translation>dernier jour de l’adhésion (par défaut : la fin de son année d’adhésion ; « open » : aucun)</translation>
    </message>
    <message>
      <source>list or search customers</source>
      <translation>lister ou rechercher les clients</translation>
    </message>
    <message>
      <source>text to look for</source>
      <translation>texte à rechercher</translation>
    </message>
    <message>
      <source>change a customer's record (only the options given)</source>
      <translation>modifier la fiche d'un client (seulement les options données)</translation>
    </message>
    <message>
      <source>ISO 3166 two-letter code</source>
      <translation>code ISO 3166 à deux lettres</translation>
    </message>
    <message>
      <source>SIREN (French customers only; '' removes it)</source>
      <translation>SIREN (clients français seulement ; '' l'efface)</translation>
    </message>
    <message>
      <source>SIRET (French customers only; the SIREN follows from it)</source>
      <translation>SIRET (clients français seulement ; le SIREN s'en déduit)</translation>
    </message>
    <message>
      <source>a public body invoiced through Chorus Pro (needs its SIRET)</source>
      <translation>un organisme public facturé par Chorus Pro (avec son SIRET)</translation>
    </message>
    <message>
      <source>its Chorus Pro service code</source>
      <translation>son code service Chorus Pro</translation>
    </message>
    <message>
      <source>add a membership (a renewal keeps the customer's member number)</source>
      <translation>ajouter une adhésion (un renouvellement garde le numéro de sociétaire du client)</translation>
    </message>
    <message>
      <source>membership number (default: the customer's last one)</source>
      <translation>numéro de sociétaire (par défaut : le dernier du client)</translation>
    </message>
    <message>
      <source>first day (2027-01-01; default: the day after the last one ends)</source>
      <translation>premier jour (2027-01-01 ; par défaut : le lendemain de la fin de la dernière)</translation>
    </message>
    <message>
      <source>last day (default: the end of its membership year; 'open': none)</source>
      <translation>dernier jour (par défaut : la fin de son année d’adhésion ; « open » : aucun)</translation>
    </message>
    <message>
      <source>one customer and its memberships</source>
      <translation>un client et ses adhésions</translation>
    </message>
    <message>
      <source>everything about a customer, as JSON (a personal-data request)</source>
      <translation>tout ce qui concerne un client, en JSON (une demande d'accès aux données personnelles)</translation>
    </message>
    <message>
      <source>the JSON file to write (- prints it)</source>
      <translation>le fichier JSON à écrire (- l'affiche)</translation>
    </message>
    <message>
      <source>print a summary as JSON</source>
      <translation>afficher un résumé en JSON</translation>
    </message>
    <message>
      <source>erase a customer's identity; issued invoices and credit notes stay as issued</source>
      <translation>effacer l'identité d'un client ; les factures et avoirs émis restent tels qu'émis</translation>
    </message>
    <message>
      <source>regie: error: argument {argument}: {problem}</source>
      <translation>regie : erreur : argument {argument} : {problem}</translation>
    </message>
    <message>
      <source>regie: error: {problem}</source>
      <translation>regie : erreur : {problem}</translation>
    </message>
    <message>
      <source>Customer {number} added: {name}.</source>
      <translation>Client {number} ajouté : {name}.</translation>
    </message>
    <message>
      <source>Customer {number} saved: {name}.</source>
      <translation>Client {number} enregistré : {name}.</translation>
    </message>
    <message>
      <source>Membership {member} of {number} added: {start} – {end}.</source>
      <translation>Adhésion {member} de {number} ajoutée : {start} – {end}.</translation>
    </message>
    <message>
      <source>member</source>
      <translation>sociétaire</translation>
    </message>
    <message>
      <source>public buyer (Chorus Pro)</source>
      <translation>acheteur public (Chorus Pro)</translation>
    </message>
    <message>
      <source>  member {number}: {start} – {end}</source>
      <translation>  sociétaire {number} : {start} – {end}</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>Impossible d’écrire {path} : {reason}</translation>
    </message>
    <message>
      <source>Data of customer {number} written to {path}.</source>
      <translation>Données du client {number} écrites dans {path}.</translation>
    </message>
    <message>
      <source>Customer {number} anonymised ({name}); its issued invoices and credit notes are kept as issued.</source>
      <translation>Client {number} anonymisé ({name}) ; ses factures et avoirs émis sont conservés tels qu'émis.</translation>
    </message>
    <message>
      <source>import customers and memberships from CSV or .xlsx (all or nothing)</source>
      <translation>importer des clients et leurs adhésions depuis un CSV ou un .xlsx (tout ou rien)</translation>
    </message>
    <message>
      <source>export customers and memberships (.csv or .xlsx)</source>
      <translation>exporter les clients et leurs adhésions (.csv ou .xlsx)</translation>
    </message>
    <message numerus="yes">
      <source>%n customer(s)</source>
      <translation>
        <numerusform>%n client</numerusform>
        <numerusform>%n clients</numerusform>
      </translation>
    </message>
    <message>
      <source>the VAT of damage and loss charges (shown without options)</source>
      <translation>la TVA des frais de casse et de perte (affichée sans option)</translation>
    </message>
    <message>
      <source>S: VAT at the rate given (the default, the safer choice); O: outside the scope of VAT (an indemnity, once your accountant confirms it)</source>
      <translation>S : TVA au taux donné (par défaut, le choix le plus sûr) ; O : hors du champ de la TVA (une indemnité, une fois confirmé par votre expert-comptable)</translation>
    </message>
    <message>
      <source>the VAT rate with S, in %% (default: 20.00)</source>
      <translation>le taux de TVA avec S, en %% (par défaut : 20.00)</translation>
    </message>
    <message>
      <source>Damage and loss charges: outside the scope of VAT (indemnity).</source>
      <translation>Frais de casse et de perte : hors du champ de la TVA (indemnité).</translation>
    </message>
    <message>
      <source>Damage and loss charges: VAT {rate} %.</source>
      <translation>Frais de casse et de perte : TVA {rate} %.</translation>
    </message>
    <message>
      <source>the database itself: copy it to a server or to a file</source>
      <translation>la base elle-même : la copier vers un serveur ou vers un fichier</translation>
    </message>
    <message>
      <source>copy every row into an empty database (file or PostgreSQL server)</source>
      <translation>copier chaque ligne dans une base vide (fichier ou serveur PostgreSQL)</translation>
    </message>
    <message>
      <source>the database to copy (default: the one REGIE_DB or --db names)</source>
      <translation>la base à copier (par défaut : celle que désigne REGIE_DB ou --db)</translation>
    </message>
    <message>
      <source>the empty database to fill: postgresql+psycopg://USER@HOST/DATABASE or a new file</source>
      <translation>la base vide à remplir : postgresql+psycopg://UTILISATEUR@HÔTE/BASE ou un nouveau fichier</translation>
    </message>
    <message>
      <source>Copied {rows} rows of {tables} tables from {source} to {target}; every table's count checked.</source>
      <translation>{rows} lignes de {tables} tables copiées de {source} vers {target} ; le compte de chaque table vérifié.</translation>
    </message>
    <message>
      <source>Copied as it was in the source: {problem}</source>
      <translation>Copié tel quel depuis la source : {problem}</translation>
    </message>
    <message>
      <source>Verified: {documents} documents, {payments} payments, {seals} seals, {triggers} triggers intact.</source>
      <translation>Vérifié : {documents} documents, {payments} paiements, {seals} scellés, {triggers} déclencheurs intacts.</translation>
    </message>
    <message>
      <source>Use it on each workstation with REGIE_DB={target} (or Settings → Database).</source>
      <translation>Utilisez-la sur chaque poste avec REGIE_DB={target} (ou Paramètres → Base de données).</translation>
    </message>
    <message>
      <source>its PDF could not be written to {path} ({reason})</source>
      <translation>son PDF n’a pas pu être écrit dans {path} ({reason})</translation>
    </message>
    <message>
      <source>its details could not be shown (standard output is closed)</source>
      <translation>son détail n’a pas pu être affiché (la sortie standard est fermée)</translation>
    </message>
    <message>
      <source>{number} was issued but could not be printed: {reason} Print it again with: regie invoices pdf {number} --print</source>
      <translation>Le document {number} est émis mais n’a pas pu être imprimé : {reason} Pour l’imprimer de nouveau : regie invoices pdf {number} --print</translation>
    </message>
    <message>
      <source>it could not be printed ({reason})</source>
      <translation>il n’a pas pu être imprimé ({reason})</translation>
    </message>
    <message>
      <source>regie invoices pdf {number} --out FILE</source>
      <translation>regie invoices pdf {number} --out FICHIER</translation>
    </message>
    <message>
      <source>{numbers} was issued (it is stored with its number and cannot be undone), but {problems}. Get its PDF with: {commands}</source>
      <translation>{numbers} a bien été émis (il est enregistré avec son numéro et ne peut être défait), mais {problems}. Obtenez son PDF avec : {commands}</translation>
    </message>
    <message>
      <source>fill an empty database with a demo cooperative</source>
      <translation>remplir une base vide avec une coopérative de démonstration</translation>
    </message>
    <message>
      <source>small: the demo and a year of bookings; large: 2,000 types, 20,000 units, 3,000 customers and ten years of bookings</source>
      <translation>small : la démo et une année de réservations ; large : 2 000 types, 20 000 unités, 3 000 clients et dix ans de réservations</translation>
    </message>
    <message>
      <source>the same seed gives the same data</source>
      <translation>la même graine donne les mêmes données</translation>
    </message>
    <message>
      <source>Demo cooperative {name}: {types} item types ({bulk} in bulk, {consumables} consumables), {units} units, {cases} cases, {kits} kits, {owners} member owners.</source>
      <translation>Coopérative de démonstration {name} : {types} types de matériel ({bulk} en vrac, {consumables} consommables), {units} unités, {cases} flight-cases, {kits} kits, {owners} sociétaires propriétaires.</translation>
    </message>
    <message>
      <source>{customers} customers ({members} members today), {bookings} bookings, {lines} booking lines.</source>
      <translation>{customers} clients ({members} sociétaires à ce jour), {bookings} réservations, {lines} lignes de réservation.</translation>
    </message>
    <message>
      <source>Day rates for {rates} item types; {invoices} invoices ({paid} paid, {overdue} overdue), {credit_notes} credit notes, {payments} payments, {deposits} deposits.</source>
      <translation>Tarifs journaliers pour {rates} types de matériel ; {invoices} factures ({paid} payées, {overdue} en retard), {credit_notes} avoirs, {payments} paiements, {deposits} cautions.</translation>
    </message>
    <message>
      <source>deposits (cautions) of bookings</source>
      <translation>cautions des réservations</translation>
    </message>
    <message>
      <source>the deposit a booking requires and the deposits recorded</source>
      <translation>la caution demandée pour une réservation et les cautions enregistrées</translation>
    </message>
    <message>
      <source>record a deposit received for a booking</source>
      <translation>enregistrer une caution reçue pour une réservation</translation>
    </message>
    <message>
      <source>the amount received (1234.50)</source>
      <translation>le montant reçu (1234.50)</translation>
    </message>
    <message>
      <source>how it was given (default: cheque)</source>
      <translation>le moyen de paiement (par défaut : cheque)</translation>
    </message>
    <message>
      <source>a note (cheque number...)</source>
      <translation>une note (numéro de chèque…)</translation>
    </message>
    <message>
      <source>give a held deposit back</source>
      <translation>rendre une caution détenue</translation>
    </message>
    <message>
      <source>the deposit number</source>
      <translation>le numéro de la caution</translation>
    </message>
    <message>
      <source>keep (part of) a held deposit to settle an invoice; the rest is returned</source>
      <translation>conserver (une partie d’)une caution pour solder une facture ; le reste est rendu</translation>
    </message>
    <message>
      <source>the invoice to settle (default: the booking's latest invoice with a balance)</source>
      <translation>la facture à solder (par défaut : la dernière facture de la réservation restant due)</translation>
    </message>
    <message>
      <source>the amount kept (default: the invoice's balance, at most the deposit)</source>
      <translation>le montant conservé (par défaut : le solde de la facture, au plus la caution)</translation>
    </message>
    <message>
      <source>Deposit {id} of {booking}: {amount} ({method}), {status}; kept {retained}.</source>
      <translation>Caution {id} de {booking} : {amount} ({method}), {status} ; conservé {retained}.</translation>
    </message>
    <message>
      <source>{booking}: deposit required {required}, held {held}.</source>
      <translation>{booking} : caution demandée {required}, détenue {held}.</translation>
    </message>
    <message>
      <source>open the warehouse desk, full screen</source>
      <translation>ouvrir le poste de sortie du dépôt, en plein écran</translation>
    </message>
    <message>
      <source>scan kit out and in at the desk</source>
      <translation>scanner le matériel en sortie et en retour</translation>
    </message>
    <message>
      <source>check kit out for a booking</source>
      <translation>sortir le matériel d’une réservation</translation>
    </message>
    <message>
      <source>unit, case or bulk codes (bulk as CODE=QTY)</source>
      <translation>codes d’unités, de caisses ou de vrac (vrac : CODE=QTÉ)</translation>
    </message>
    <message>
      <source>add this unit or bulk quantity to the booking as an unplanned item and check it out (repeatable)</source>
      <translation>ajouter ce matériel ou cette quantité de vrac à la réservation en imprévu et le sortir (répétable)</translation>
    </message>
    <message>
      <source>check kit back in</source>
      <translation>rentrer le matériel au retour</translation>
    </message>
    <message>
      <source>check this unit in as damaged, with a note (repeatable)</source>
      <translation>rentrer cette unité comme endommagée, avec une note (répétable)</translation>
    </message>
    <message>
      <source>declare this unit missing (repeatable)</source>
      <translation>déclarer cette unité manquante (répétable)</translation>
    </message>
    <message>
      <source>undo the last scan made at this station</source>
      <translation>annuler le dernier scan fait à ce poste</translation>
    </message>
    <message>
      <source>list what did not go and write the delivery note</source>
      <translation>lister ce qui n’est pas sorti et écrire le bon de sortie</translation>
    </message>
    <message>
      <source>write the return report of a booking</source>
      <translation>écrire le rapport de retour d’une réservation</translation>
    </message>
    <message>
      <source>the desk's name (default: this computer's name)</source>
      <translation>le nom du poste (par défaut : le nom de cet ordinateur)</translation>
    </message>
    <message>
      <source>print one JSON object a line</source>
      <translation>afficher un objet JSON par ligne</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>OK</translation>
    </message>
    <message>
      <source>REFUSED</source>
      <translation>REFUSÉ</translation>
    </message>
    <message>
      <source> [LATE]</source>
      <translation> [EN RETARD]</translation>
    </message>
    <message numerus="yes">
      <source>%n scan(s) refused out of {count}.</source>
      <translation>
        <numerusform>%n scan refusé sur {count}.</numerusform>
        <numerusform>%n scans refusés sur {count}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Delivery note {ref}</source>
      <translation>Bon de livraison {ref}</translation>
    </message>
    <message>
      <source>Not gone:</source>
      <translation>Non sorti :</translation>
    </message>
    <message>
      <source>  {code}  {name}: {left} / {wanted} left</source>
      <translation>  {code}  {name} : {left} / {wanted} sortis</translation>
    </message>
    <message>
      <source>Everything booked has gone.</source>
      <translation>Tout le matériel réservé est sorti.</translation>
    </message>
    <message>
      <source>Delivery note written to {path}.</source>
      <translation>Bon de sortie écrit dans {path}.</translation>
    </message>
    <message>
      <source>Return report {ref}</source>
      <translation>Rapport de retour {ref}</translation>
    </message>
    <message>
      <source>{missing}, {damaged}, {still_out}.</source>
      <translation>{missing}, {damaged}, {still_out}.</translation>
    </message>
    <message numerus="yes">
      <source>%n missing</source>
      <translation>
        <numerusform>%n manquant</numerusform>
        <numerusform>%n manquants</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n damaged</source>
      <translation>
        <numerusform>%n endommagé</numerusform>
        <numerusform>%n endommagés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n still out</source>
      <translation>
        <numerusform>%n encore dehors</numerusform>
        <numerusform>%n encore dehors</numerusform>
      </translation>
    </message>
    <message>
      <source>Returned late.</source>
      <translation>Retour en retard.</translation>
    </message>
    <message>
      <source>Return report written to {path}.</source>
      <translation>Rapport de retour écrit dans {path}.</translation>
    </message>
    <message>
      <source>files for the accountant and the e-invoicing platform</source>
      <translation>fichiers pour l’expert-comptable et la plateforme de facturation électronique</translation>
    </message>
    <message>
      <source>the sales journal and the receipts of a period (FEC or CSV)</source>
      <translation>le journal des ventes et les encaissements d’une période (FEC ou CSV)</translation>
    </message>
    <message>
      <source>fec: the FEC layout (tab-separated); csv: for a spreadsheet</source>
      <translation>fec : le format FEC (séparé par des tabulations) ; csv : pour un tableur</translation>
    </message>
    <message>
      <source>the file to write, - for standard output (FEC: SIRENFECAAAAMMJJ.txt)</source>
      <translation>le fichier à écrire, - pour la sortie standard (FEC : SIRENFECAAAAMMJJ.txt)</translation>
    </message>
    <message>
      <source>print JSON: a summary; with --out -, the lines themselves (key data, one object per line named by the FEC columns)</source>
      <translation>afficher du JSON : un résumé ; avec --out -, les lignes elles-mêmes (clé data, un objet par ligne nommé par les colonnes du FEC)</translation>
    </message>
    <message>
      <source>e-reporting transaction data of a period (operations not e-invoiced)</source>
      <translation>données de transaction e-reporting d’une période (opérations hors facturation électronique)</translation>
    </message>
    <message>
      <source>the CSV file to write, - for standard output</source>
      <translation>le fichier CSV à écrire, - pour la sortie standard</translation>
    </message>
    <message>
      <source>print JSON: a summary; with --out -, the rows themselves (key data) instead of the CSV</source>
      <translation>afficher du JSON : un résumé ; avec --out -, les lignes elles-mêmes (clé data) au lieu du CSV</translation>
    </message>
    <message>
      <source>first day (2026-11-01)</source>
      <translation>premier jour (2026-11-01)</translation>
    </message>
    <message>
      <source>last day (2026-11-30)</source>
      <translation>dernier jour (2026-11-30)</translation>
    </message>
    <message>
      <source>goods sold with French VAT</source>
      <translation>livraisons de biens soumises à la TVA française</translation>
    </message>
    <message>
      <source>services (rentals) with French VAT</source>
      <translation>prestations de services (locations) soumises à la TVA française</translation>
    </message>
    <message>
      <source>not taxed in France: reverse charge, intra-EU supply, export, exempt</source>
      <translation>non taxées en France : autoliquidation, livraison intracommunautaire, exportation, exonération</translation>
    </message>
    <message>
      <source>One row per day, category, nature (goods or services) and VAT rate of the invoices and credit notes not e-invoiced (individuals, public bodies, associations without a VAT number, customers outside France).</source>
      <translation>Une ligne par jour, catégorie, nature (biens ou services) et taux de TVA des factures et avoirs non transmis en facturation électronique (particuliers, organismes publics, associations sans numéro de TVA, clients hors de France).</translation>
    </message>
    <message>
      <source>Categories (e-reporting transaction category codes):</source>
      <translation>Catégories (codes de catégorie de transaction du e-reporting) :</translation>
    </message>
    <message>
      <source>Not reported: lines outside the scope of VAT (damage and loss indemnities) and operations exempt under articles 261 to 261 E of the CGI. transactions: the number of invoices; a credit note lowers its day's amounts but counts 0.</source>
      <translation>Non déclarées : les lignes hors du champ de la TVA (indemnités de casse et de perte) et les opérations exonérées par les articles 261 à 261 E du CGI. transactions : le nombre de factures ; un avoir diminue les montants de son jour mais compte 0.</translation>
    </message>
    <message>
      <source>Machine format for the approved platform: comma-separated, UTF-8, ISO dates (2026-11-30), amounts with a decimal point (1234.50), unlike the accounting CSV (semicolons and decimal commas for a French spreadsheet).</source>
      <translation>Format machine pour la plateforme agréée : séparé par des virgules, UTF-8, dates ISO (2026-11-30), montants avec un point décimal (1234.50), à la différence du CSV comptable (points-virgules et virgules décimales pour un tableur français).</translation>
    </message>
    <message>
      <source>{count} rows of e-reporting data from {start} to {end} written to {path}.</source>
      <translation>{count} lignes de données e-reporting du {start} au {end} écrites dans {path}.</translation>
    </message>
    <message>
      <source>{count} accounting entries from {start} to {end} written to {path}.</source>
      <translation>{count} écritures comptables du {start} au {end} écrites dans {path}.</translation>
    </message>
    <message>
      <source>the cooperative's name</source>
      <translation>nom de la coopérative</translation>
    </message>
    <message>
      <source>legal form, e.g. SCIC SAS à capital variable</source>
      <translation>forme juridique, par ex. SCIC SAS à capital variable</translation>
    </message>
    <message>
      <source>share capital in euros, e.g. 18500.00</source>
      <translation>capital social en euros, par ex. 18500,00</translation>
    </message>
    <message>
      <source>street address (postcode and city apart)</source>
      <translation>adresse (code postal et ville à part)</translation>
    </message>
    <message>
      <source>postcode (five digits)</source>
      <translation>code postal (cinq chiffres)</translation>
    </message>
    <message>
      <source>city</source>
      <translation>ville</translation>
    </message>
    <message>
      <source>SIREN (else the SIRET's first nine digits)</source>
      <translation>SIREN (sinon les neuf premiers chiffres du SIRET)</translation>
    </message>
    <message>
      <source>SIRET (fourteen digits)</source>
      <translation>SIRET (quatorze chiffres)</translation>
    </message>
    <message>
      <source>RCS registration (RCS Lyon 123 456 789) or RNA number (W123456789)</source>
      <translation>immatriculation RCS (RCS Lyon 123 456 789) ou numéro RNA (W123456789)</translation>
    </message>
    <message>
      <source>intra-community VAT number (FR…)</source>
      <translation>numéro de TVA intracommunautaire (FR…)</translation>
    </message>
    <message>
      <source>IBAN of the account customers pay into</source>
      <translation>IBAN du compte où les clients paient</translation>
    </message>
    <message>
      <source>BIC of that bank</source>
      <translation>BIC de cette banque</translation>
    </message>
    <message>
      <source>email address printed on documents</source>
      <translation>adresse électronique imprimée sur les documents</translation>
    </message>
    <message>
      <source>phone number printed on documents</source>
      <translation>numéro de téléphone imprimé sur les documents</translation>
    </message>
    <message>
      <source>set up a cooperative's own database (refused if one exists)</source>
      <translation>créer la base propre d’une coopérative (refusé si elle existe)</translation>
    </message>
    <message>
      <source>Set up a cooperative's own database: its identity, VAT, numbering and first administrator. Every field is checked; nothing is written if one is wrong.</source>
      <translation>Créer la base propre d’une coopérative : son identité, sa TVA, sa numérotation et son premier administrateur. Chaque champ est vérifié ; rien n’est écrit si l’un est faux.</translation>
    </message>
    <message>
      <source>read the answers from a TOML file (options given beside it win)</source>
      <translation>lire les réponses dans un fichier TOML (les options données en plus l’emportent)</translation>
    </message>
    <message>
      <source>logo image (PNG or JPEG)</source>
      <translation>image du logo (PNG ou JPEG)</translation>
    </message>
    <message>
      <source>normal: VAT charged; franchise: franchise en base (art. 293 B du CGI)</source>
      <translation>normal : TVA facturée ; franchise : franchise en base (art. 293 B du CGI)</translation>
    </message>
    <message>
      <source>default VAT rate in percent (20.0)</source>
      <translation>taux de TVA par défaut en pourcentage (20,0)</translation>
    </message>
    <message>
      <source>invoice number prefix (FA)</source>
      <translation>préfixe des numéros de facture (FA)</translation>
    </message>
    <message>
      <source>credit note number prefix (AV)</source>
      <translation>préfixe des numéros d’avoir (AV)</translation>
    </message>
    <message>
      <source>payment term in days (30)</source>
      <translation>délai de paiement en jours (30)</translation>
    </message>
    <message>
      <source>first day of the membership year (01-01; 09-01 for a season)</source>
      <translation>premier jour de l’année d’adhésion (01-01 ; 09-01 pour une saison)</translation>
    </message>
    <message>
      <source>a day coefficient (repeat; replaces the default table)</source>
      <translation>un coefficient journalier (à répéter ; remplace la table par défaut)</translation>
    </message>
    <message>
      <source>first administrator (admin)</source>
      <translation>premier administrateur (admin)</translation>
    </message>
    <message>
      <source>The demo cooperative, kept in {own} by an older Régie, is now in {demo}.</source>
      <translation>La coopérative de démonstration, rangée dans {own} par une version antérieure de Régie, est maintenant dans {demo}.</translation>
    </message>
    <message>
      <source>Password for the administrator {name} (empty: none): </source>
      <translation>Mot de passe de l’administrateur {name} (vide : aucun) : </translation>
    </message>
    <message>
      <source>The two passwords differ; again.</source>
      <translation>Les deux mots de passe diffèrent ; recommencez.</translation>
    </message>
    <message>
      <source>{name} is set up in {database}.</source>
      <translation>{name} est créée dans {database}.</translation>
    </message>
    <message>
      <source>Administrator: {admin} (with the password given).</source>
      <translation>Administrateur : {admin} (avec le mot de passe donné).</translation>
    </message>
    <message>
      <source>Administrator: {admin}, without a password for now (give one with regie accounts passwd {admin}).</source>
      <translation>Administrateur : {admin}, sans mot de passe pour l’instant (donnez-en un avec regie accounts passwd {admin}).</translation>
    </message>
    <message>
      <source>Next: bring your data in (regie items import F.csv, regie customers import F.csv, regie rates import F.csv, regie opening-balances import F.csv; .xlsx files too) or open Régie.</source>
      <translation>Ensuite : importez vos données (regie items import F.csv, regie customers import F.csv, regie rates import F.csv, regie opening-balances import F.csv ; les fichiers .xlsx aussi) ou ouvrez Régie.</translation>
    </message>
    <message>
      <source>the quote (devis) of a booking as a PDF</source>
      <translation>le devis d’une réservation en PDF</translation>
    </message>
    <message>
      <source>issue the invoice of a booking (or what it has not been invoiced yet)</source>
      <translation>émettre la facture d’une réservation (ou de ce qui n’a pas encore été facturé)</translation>
    </message>
    <message>
      <source>invoice only the booking's damage and loss charges not invoiced yet, whatever else it holds (the rest stays for its next invoice); needed when these charges are outside the scope of VAT</source>
      <translation>ne facturer que les dommages et pertes de la réservation pas encore facturés, quoi qu’elle contienne d’autre (le reste attend sa facture suivante) ; nécessaire quand ces indemnités sont hors du champ de la TVA</translation>
    </message>
    <message>
      <source>issue a credit note correcting an invoice</source>
      <translation>émettre un avoir qui corrige une facture</translation>
    </message>
    <message>
      <source>the invoice number (FA-2026-00042)</source>
      <translation>le numéro de la facture (FA-2026-00042)</translation>
    </message>
    <message>
      <source>why the invoice is corrected</source>
      <translation>le motif de la correction</translation>
    </message>
    <message>
      <source>an invoice line to credit (repeatable): --line 2 credits all that is left of line 2; --line 2:3 credits 3 of its units (3 of its 5 projectors, 3 of its piece-days) at its unit price; --line 2=150.00 credits 150.00 excluding VAT of it. Without --line and --amount: everything left on the invoice (a full credit note)</source>
      <translation>une ligne de la facture à créditer (répétable) : --line 2 crédite tout ce qui reste de la ligne 2 ; --line 2:3 en crédite 3 unités (3 de ses 5 projecteurs, 3 de ses jours-pièce) à son prix unitaire ; --line 2=150,00 en crédite 150,00 HT. Sans --line ni --amount : tout ce qui reste de la facture (un avoir total)</translation>
    </message>
    <message>
      <source>credit this amount excluding VAT of the invoice's only line left to credit; refused when several lines are left (then say which with --line)</source>
      <translation>créditer ce montant HT sur la seule ligne de la facture qui reste à créditer ; refusé quand plusieurs lignes restent (dites alors laquelle avec --line)</translation>
    </message>
    <message>
      <source>payments of invoices</source>
      <translation>paiements des factures</translation>
    </message>
    <message>
      <source>record a payment of an invoice</source>
      <translation>enregistrer un paiement d’une facture</translation>
    </message>
    <message>
      <source>the amount paid (1234.50)</source>
      <translation>le montant payé (1234.50)</translation>
    </message>
    <message>
      <source>the day it was paid (default: today)</source>
      <translation>le jour du paiement (par défaut : aujourd’hui)</translation>
    </message>
    <message>
      <source>how it was paid</source>
      <translation>le moyen de paiement</translation>
    </message>
    <message>
      <source>a cheque or transfer reference</source>
      <translation>une référence de chèque ou de virement</translation>
    </message>
    <message>
      <source>cancel a payment by a reversing entry</source>
      <translation>annuler un paiement par une écriture de contre-passation</translation>
    </message>
    <message>
      <source>the payment number</source>
      <translation>le numéro du paiement</translation>
    </message>
    <message>
      <source>the payments of an invoice</source>
      <translation>les paiements d’une facture</translation>
    </message>
    <message>
      <source>issued invoices and credit notes</source>
      <translation>factures et avoirs émis</translation>
    </message>
    <message>
      <source>list invoices and credit notes</source>
      <translation>lister les factures et les avoirs</translation>
    </message>
    <message>
      <source>only invoices in this status</source>
      <translation>seulement les factures dans cet état</translation>
    </message>
    <message>
      <source>only this customer's</source>
      <translation>seulement ceux de ce client</translation>
    </message>
    <message>
      <source>one invoice or credit note</source>
      <translation>une facture ou un avoir</translation>
    </message>
    <message>
      <source>the document number (FA-2026-00042)</source>
      <translation>le numéro du document (FA-2026-00042)</translation>
    </message>
    <message>
      <source>write the PDF of an issued document, as issued</source>
      <translation>écrire le PDF d’un document émis, tel qu’il a été émis</translation>
    </message>
    <message>
      <source>{number}  {customer}  net {net}  VAT {vat}  total {gross}</source>
      <translation>{number}  {customer}  HT {net}  TVA {vat}  TTC {gross}</translation>
    </message>
    <message>
      <source>Quote {ref}</source>
      <translation>Devis {ref}</translation>
    </message>
    <message>
      <source>Quote written to {path}.</source>
      <translation>Devis écrit dans {path}.</translation>
    </message>
    <message>
      <source>{number} issued, written to {path}.</source>
      <translation>{number} émis, écrit dans {path}.</translation>
    </message>
    <message>
      <source>{number} issued.</source>
      <translation>{number} émise.</translation>
    </message>
    <message>
      <source>Payment {id}: {amount} on {invoice} ({method}, {date}); balance {balance}.</source>
      <translation>Paiement {id} : {amount} sur {invoice} ({method}, {date}) ; reste dû {balance}.</translation>
    </message>
    <message>
      <source>(left to credit: {left})</source>
      <translation>(reste à créditer : {left})</translation>
    </message>
    <message>
      <source>  status {status}, paid {paid}, balance {balance}, due {due}</source>
      <translation>  état {status}, payé {paid}, reste dû {balance}, échéance {due}</translation>
    </message>
    <message>
      <source>{number} written to {path}.</source>
      <translation>{number} écrit dans {path}.</translation>
    </message>
    <message>
      <source>change an item type (only the options given)</source>
      <translation>modifier un type d'article (seulement les options données)</translation>
    </message>
    <message>
      <source>the item type's code</source>
      <translation>le code du type d'article</translation>
    </message>
    <message>
      <source>bulk or serialized (refused while it is booked or out, while a bulk type counts stock, while a serialized type has units)</source>
      <translation>en vrac ou sérialisé (refusé tant qu'il est réservé ou sorti, tant qu'un type en vrac compte du stock, tant qu'un type sérialisé a des unités)</translation>
    </message>
    <message>
      <source>{code} saved: {name}.</source>
      <translation>{code} enregistré : {name}.</translation>
    </message>
    <message>
      <source>The barcode {barcode} no longer names it.</source>
      <translation>Le code-barres {barcode} ne le désigne plus.</translation>
    </message>
    <message>
      <source>import a catalogue file, CSV or .xlsx (all or nothing)</source>
      <translation>importer un fichier de catalogue, CSV ou .xlsx (tout ou rien)</translation>
    </message>
    <message>
      <source>export the catalogue (.csv or .xlsx)</source>
      <translation>exporter le catalogue (.csv ou .xlsx)</translation>
    </message>
    <message>
      <source>the file to write: .csv or .xlsx</source>
      <translation>le fichier à écrire : .csv ou .xlsx</translation>
    </message>
    <message>
      <source>{types} and {units} imported ({updated} updated)</source>
      <translation>{types} et {units} importés ({updated} mis à jour)</translation>
    </message>
    <message>
      <source>{types} and {units} exported to {path}</source>
      <translation>{types} et {units} exportés vers {path}</translation>
    </message>
    <message numerus="yes">
      <source>%n item type(s)</source>
      <translation>
        <numerusform>%n type de matériel</numerusform>
        <numerusform>%n types de matériel</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unit(s)</source>
      <translation>
        <numerusform>%n unité</numerusform>
        <numerusform>%n unités</numerusform>
      </translation>
    </message>
    <message>
      <source>print barcode labels to a PDF</source>
      <translation>imprimer des étiquettes code-barres dans un PDF</translation>
    </message>
    <message>
      <source>A4 sheets of 3 x 8 labels, or one 57 x 32 mm thermal label a page</source>
      <translation>planches A4 de 3 x 8 étiquettes, ou une étiquette thermique 57 x 32 mm par page</translation>
    </message>
    <message>
      <source>a unit, bulk or case barcode, or an item type code (repeatable); default: every label</source>
      <translation>un code-barres d’unité, de vrac ou de flight-case, ou un code de type de matériel (répétable) ; par défaut : toutes les étiquettes</translation>
    </message>
    <message>
      <source>add a QR code</source>
      <translation>ajouter un QR code</translation>
    </message>
    <message>
      <source>{labels} on {pages} written to {path}.</source>
      <translation>Fichier {path} écrit : {labels} sur {pages}.</translation>
    </message>
    <message numerus="yes">
      <source>%n label(s)</source>
      <translation>
        <numerusform>%n étiquette</numerusform>
        <numerusform>%n étiquettes</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message>
      <source>Labels</source>
      <translation>Étiquettes</translation>
    </message>
    <message>
      <source>how late returns are charged (shown without options)</source>
      <translation>comment les retards de restitution sont facturés (affiché sans option)</translation>
    </message>
    <message>
      <source>rate: each late day at the day rate; fee: a fixed fee per piece and per late day; none: not charged</source>
      <translation>rate : chaque jour de retard au tarif journalier ; fee : un forfait par pièce et par jour de retard ; none : non facturés</translation>
    </message>
    <message>
      <source>the fee per piece and per late day, excl. VAT (15.00)</source>
      <translation>le forfait par pièce et par jour de retard, HT (15.00)</translation>
    </message>
    <message>
      <source>Late returns: each late day at the day rate.</source>
      <translation>Retards de restitution : chaque jour de retard au tarif journalier.</translation>
    </message>
    <message>
      <source>Late returns: {fee} per piece and per late day (excl. VAT).</source>
      <translation>Retards de restitution : {fee} par pièce et par jour de retard (HT).</translation>
    </message>
    <message>
      <source>Late returns: not charged.</source>
      <translation>Retards de restitution : non facturés.</translation>
    </message>
    <message>
      <source>invoices left unpaid by the previous tool, as opening entries</source>
      <translation>factures restées impayées dans l’outil précédent, en écritures d’ouverture</translation>
    </message>
    <message>
      <source>import unpaid invoices from CSV or .xlsx (all or nothing)</source>
      <translation>importer les factures impayées depuis un CSV ou un .xlsx (tout ou rien)</translation>
    </message>
    <message>
      <source>export what remains of the opening entries (.csv or .xlsx)</source>
      <translation>exporter le reste dû des écritures d’ouverture (.csv ou .xlsx)</translation>
    </message>
    <message>
      <source>the opening entries still open</source>
      <translation>les écritures d’ouverture encore dues</translation>
    </message>
    <message>
      <source>only this customer's (its number)</source>
      <translation>seulement celles de ce client (son numéro)</translation>
    </message>
    <message>
      <source>settled entries too</source>
      <translation>aussi les écritures soldées</translation>
    </message>
    <message>
      <source>record a payment on an opening entry</source>
      <translation>enregistrer un règlement sur une écriture d’ouverture</translation>
    </message>
    <message>
      <source>the entry's reference (its invoice number)</source>
      <translation>la référence de l’écriture (son numéro de facture)</translation>
    </message>
    <message>
      <source>how it was paid: {methods} (or their names, e.g. Chèque)</source>
      <translation>mode de règlement : {methods} (ou leur nom, p. ex. Chèque)</translation>
    </message>
    <message>
      <source>cancel a payment on an opening entry by a reversing entry</source>
      <translation>annuler un règlement d’écriture d’ouverture par une contre-passation</translation>
    </message>
    <message numerus="yes">
      <source>%n opening entry(ies)</source>
      <translation>
        <numerusform>%n écriture d’ouverture</numerusform>
        <numerusform>%n écritures d’ouverture</numerusform>
      </translation>
    </message>
    <message>
      <source>{reference}  {customer} {name}  due {due_date}: {balance} left of {amount}</source>
      <translation>{reference}  {customer} {name}  échéance {due_date} : reste {balance} sur {amount}</translation>
    </message>
    <message>
      <source>Opening entries still owed: {total}</source>
      <translation>Écritures d’ouverture encore dues : {total}</translation>
    </message>
    <message>
      <source>Payment {id}: {amount} on {reference} ({method}, {date}); balance {balance}.</source>
      <translation>Règlement {id} : {amount} sur {reference} ({method}, {date}) ; reste dû {balance}.</translation>
    </message>
    <message>
      <source>at most N rows (default: {page} in text, every row in JSON)</source>
      <translation>au plus N lignes (par défaut : {page} en texte, toutes en JSON)</translation>
    </message>
    <message>
      <source>skip the first N rows (the next page: --offset 100)</source>
      <translation>sauter les N premières lignes (la page suivante : --offset 100)</translation>
    </message>
    <message>
      <source>… {count} rows: --limit N shows N of them</source>
      <translation>… {count} lignes : --limit N en montre N</translation>
    </message>
    <message>
      <source>… {count} more: --offset {offset}</source>
      <translation>… {count} de plus : --offset {offset}</translation>
    </message>
    <message>
      <source>a booking's pricing: coefficient, discounts, minimum charge</source>
      <translation>la tarification d’une réservation : coefficient, remises, minimum facturé</translation>
    </message>
    <message>
      <source>change a booking's pricing (only the options given)</source>
      <translation>modifier la tarification d’une réservation (seulement les options données)</translation>
    </message>
    <message>
      <source>a discount on the whole rental, in percent (12.5)</source>
      <translation>une remise sur toute la location, en pourcentage (12.5)</translation>
    </message>
    <message>
      <source>a fixed coefficient for the whole period (1.5)</source>
      <translation>un coefficient fixe pour toute la période (1.5)</translation>
    </message>
    <message>
      <source>the coefficient table to use</source>
      <translation>le barème de coefficients à appliquer</translation>
    </message>
    <message>
      <source>back to the coefficient tables of the equipment families</source>
      <translation>revenir aux barèmes des familles de matériel</translation>
    </message>
    <message>
      <source>the booking's own minimum charge (150.00); empty: the cooperative's minimum</source>
      <translation>le minimum facturé propre à la réservation (150.00) ; vide : celui de la coopérative</translation>
    </message>
    <message>
      <source>a discount on one item type of a booking</source>
      <translation>une remise sur un type de matériel d’une réservation</translation>
    </message>
    <message>
      <source>the discount in percent (0 removes it)</source>
      <translation>la remise en pourcentage (0 la supprime)</translation>
    </message>
    <message>
      <source>make an item type an exempt operation (VAT category E)</source>
      <translation>faire d’un type d’article une opération exonérée (catégorie de TVA E)</translation>
    </message>
    <message>
      <source>the legal article printed ("article 261-4-4° a du CGI")</source>
      <translation>l’article de loi imprimé (« article 261-4-4° a du CGI »)</translation>
    </message>
    <message>
      <source>no longer exempt: VAT charged again</source>
      <translation>plus exonéré : la TVA est de nouveau facturée</translation>
    </message>
    <message>
      <source>a booking's pricing</source>
      <translation>la tarification d’une réservation</translation>
    </message>
    <message>
      <source>fixed coefficient {value}</source>
      <translation>coefficient fixe {value}</translation>
    </message>
    <message>
      <source>coefficient table {name}</source>
      <translation>barème {name}</translation>
    </message>
    <message>
      <source>the families' coefficient tables</source>
      <translation>les barèmes des familles</translation>
    </message>
    <message>
      <source>{booking}: discount {discount} %, {coefficient}, minimum charge {minimum}.</source>
      <translation>{booking} : remise {discount} %, {coefficient}, minimum facturé {minimum}.</translation>
    </message>
    <message>
      <source>  {code}  {name}: discount {discount} %</source>
      <translation>  {code}  {name} : remise {discount} %</translation>
    </message>
    <message>
      <source>{code} is exempt from VAT: {article}.</source>
      <translation>{code} est exonéré de TVA : {article}.</translation>
    </message>
    <message>
      <source>{code} is taxed at its VAT rate.</source>
      <translation>{code} est soumis à son taux de TVA.</translation>
    </message>
    <message>
      <source>also print it, on PRINTER or, with no name, on the default printer (no dialog); --out is then optional. Put --print after the other arguments, or write --print=PRINTER</source>
      <translation>l’imprimer aussi, sur PRINTER ou, sans nom, sur l’imprimante par défaut (sans dialogue) ; --out devient alors facultatif. Placez --print après les autres arguments, ou écrivez --print=PRINTER</translation>
    </message>
    <message>
      <source>(required unless --print is given)</source>
      <translation>(obligatoire sauf avec --print)</translation>
    </message>
    <message>
      <source>Printing {title}: page {done} of {total}</source>
      <translation>Impression de {title} : page {done} sur {total}</translation>
    </message>
    <message numerus="yes">
      <source>Printed on {printer}: %n page(s).</source>
      <translation>
        <numerusform>Imprimé sur {printer} : %n page.</numerusform>
        <numerusform>Imprimé sur {printer} : %n pages.</numerusform>
      </translation>
    </message>
    <message>
      <source>day rates per item type and price category, as a spreadsheet</source>
      <translation>tarifs journaliers par type de matériel et catégorie tarifaire, en tableur</translation>
    </message>
    <message>
      <source>import day rates from CSV or .xlsx (all or nothing)</source>
      <translation>importer les tarifs journaliers depuis un CSV ou un .xlsx (tout ou rien)</translation>
    </message>
    <message>
      <source>export the day rates (.csv or .xlsx)</source>
      <translation>exporter les tarifs journaliers (.csv ou .xlsx)</translation>
    </message>
    <message>
      <source>record a refund to the customer of an invoice paid more than it owes after a credit note (status credit)</source>
      <translation>enregistrer un remboursement au client d’une facture payée au-delà de ce qu’elle doit après un avoir (statut credit)</translation>
    </message>
    <message>
      <source>the amount given back to the customer (30.50)</source>
      <translation>le montant rendu au client (30.50)</translation>
    </message>
    <message>
      <source>the day it was refunded (default: today)</source>
      <translation>le jour du remboursement (par défaut : aujourd’hui)</translation>
    </message>
    <message>
      <source>how it was refunded</source>
      <translation>comment il a été remboursé</translation>
    </message>
    <message>
      <source>Refund {id}: {amount} on {invoice} ({method}, {date}); balance {balance}.</source>
      <translation>Remboursement {id} : {amount} sur {invoice} ({method}, {date}) ; solde {balance}.</translation>
    </message>
    <message>
      <source>management reports, as JSON, CSV or XLSX</source>
      <translation>rapports de gestion, en JSON, CSV ou XLSX</translation>
    </message>
    <message>
      <source>the report</source>
      <translation>le rapport</translation>
    </message>
    <message>
      <source>the output format</source>
      <translation>le format de sortie</translation>
    </message>
    <message>
      <source>the file to write (required for xlsx)</source>
      <translation>le fichier à écrire (obligatoire en xlsx)</translation>
    </message>
    <message>
      <source>Report written to {path}.</source>
      <translation>Rapport écrit dans {path}.</translation>
    </message>
    <message>
      <source>monthly statements of account: one PDF per customer and one to print</source>
      <translation>relevés de compte mensuels : un PDF par client et un à imprimer</translation>
    </message>
    <message>
      <source>the month (2026-11)</source>
      <translation>le mois (2026-11)</translation>
    </message>
    <message>
      <source>the folder to write the PDF files into</source>
      <translation>le dossier où écrire les fichiers PDF</translation>
    </message>
    <message>
      <source>only this customer's statement (repeatable; default: every customer with activity or a balance in the month)</source>
      <translation>seulement le relevé de ce client (répétable ; par défaut : chaque client avec une opération ou un solde dans le mois)</translation>
    </message>
    <message>
      <source>The statements go to the printer as one job: the merged PDF, by customer.</source>
      <translation>Les relevés partent à l’imprimante en un seul travail : le PDF regroupé, client par client.</translation>
    </message>
    <message>
      <source>Statements {month}</source>
      <translation>Relevés {month}</translation>
    </message>
    <message>
      <source>{number}  {name}  opening {opening}  invoiced {invoiced}  credited {credited}  paid {paid}  closing {closing}</source>
      <translation>{number}  {name}  solde antérieur {opening}  facturé {invoiced}  avoirs {credited}  réglé {paid}  solde {closing}</translation>
    </message>
    <message>
      <source>{count} statements written to {folder}; to print: {merged}.</source>
      <translation>{count} relevés écrits dans {folder} ; à imprimer : {merged}.</translation>
    </message>
    <message>
      <source>No customer has activity or a balance in {month}.</source>
      <translation>Aucun client n’a d’opération ni de solde en {month}.</translation>
    </message>
    <message>
      <source>the file: CSV (UTF-8 or Windows-1252) or .xlsx</source>
      <translation>le fichier : CSV (UTF-8 ou Windows-1252) ou .xlsx</translation>
    </message>
    <message>
      <source>show what the import would create or change, and write nothing</source>
      <translation>montrer ce que l’import créerait ou modifierait, sans rien enregistrer</translation>
    </message>
    <message>
      <source>read the column KEY from the file's column HEADER (repeatable); KEYs: {keys}</source>
      <translation>lire la colonne KEY dans la colonne HEADER du fichier (répétable) ; KEY parmi : {keys}</translation>
    </message>
    <message>
      <source>the text encoding (default: detected)</source>
      <translation>l’encodage du texte (par défaut : détecté)</translation>
    </message>
    <message>
      <source>the column separator: ; , or tab (default: detected)</source>
      <translation>le séparateur de colonnes : ; , ou tab (par défaut : détecté)</translation>
    </message>
    <message>
      <source>the workbook's sheet (default: the first)</source>
      <translation>la feuille du classeur (par défaut : la première)</translation>
    </message>
    <message>
      <source>create</source>
      <translation>création</translation>
    </message>
    <message>
      <source>update</source>
      <translation>modification</translation>
    </message>
    <message>
      <source>unchanged</source>
      <translation>inchangé</translation>
    </message>
    <message>
      <source>line {line}: {action} {key}</source>
      <translation>ligne {line} : {action} {key}</translation>
    </message>
    <message numerus="yes">
      <source>%n created</source>
      <translation>
        <numerusform>%n créé</numerusform>
        <numerusform>%n créés</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>%n mis à jour</numerusform>
        <numerusform>%n mis à jour</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unchanged</source>
      <translation>
        <numerusform>%n inchangé</numerusform>
        <numerusform>%n inchangés</numerusform>
      </translation>
    </message>
    <message>
      <source>Preview: {created}, {updated}, {unchanged}; nothing was written.</source>
      <translation>Aperçu : {created}, {updated}, {unchanged} ; rien n’a été enregistré.</translation>
    </message>
    <message>
      <source>Imported: {created}, {updated}, {unchanged}.</source>
      <translation>Importé : {created}, {updated}, {unchanged}.</translation>
    </message>
    <message>
      <source>Exported to {path}: {counted}.</source>
      <translation>Exporté dans {path} : {counted}.</translation>
    </message>
    <message>
      <source>check that the issued invoices, credit notes and payments are intact</source>
      <translation>vérifier que les factures, avoirs et paiements sont intègres</translation>
    </message>
    <message>
      <source>only the quick check made at start (triggers and the chain's end)</source>
      <translation>seulement la vérification rapide faite au démarrage (déclencheurs et fin de la chaîne)</translation>
    </message>
    <message>
      <source>Intact: {documents} documents, {payments} payments, {seals} seals, {triggers} triggers checked.</source>
      <translation>Intègre : {documents} documents, {payments} paiements, {seals} sceaux, {triggers} déclencheurs vérifiés.</translation>
    </message>
    <message>
      <source>Not intact: problems found: {count}; documents concerned: {documents}.</source>
      <translation>Altérée : problèmes trouvés : {count} ; documents concernés : {documents}.</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <source>to</source>
      <translation>retour</translation>
    </message>
    <message>
      <source>id</source>
      <translation>identifiant</translation>
    </message>
    <message>
      <source>entity</source>
      <translation>table</translation>
    </message>
    <message>
      <source>lines</source>
      <translation>lignes</translation>
    </message>
    <message>
      <source>references</source>
      <translation>références</translation>
    </message>
    <message>
      <source>credit_note</source>
      <translation>avoir</translation>
    </message>
    <message>
      <source>quantity</source>
      <translation>quantité</translation>
    </message>
    <message>
      <source>valid from</source>
      <translation>début de validité</translation>
    </message>
    <message>
      <source>member number</source>
      <translation>numéro de sociétaire</translation>
    </message>
    <message>
      <source>valid to</source>
      <translation>fin de validité</translation>
    </message>
    <message>
      <source>damage VAT rate</source>
      <translation>taux de TVA des frais de casse</translation>
    </message>
    <message>
      <source>code</source>
      <translation>code</translation>
    </message>
    <message>
      <source>codes</source>
      <translation>codes</translation>
    </message>
    <message>
      <source>logo</source>
      <translation>logo</translation>
    </message>
    <message>
      <source>line</source>
      <translation>ligne</translation>
    </message>
    <message>
      <source>amount</source>
      <translation>montant</translation>
    </message>
    <message>
      <source>date</source>
      <translation>date</translation>
    </message>
    <message>
      <source>note</source>
      <translation>note</translation>
    </message>
    <message>
      <source>out</source>
      <translation>fichier de sortie</translation>
    </message>
    <message>
      <source>name</source>
      <translation>nom</translation>
    </message>
    <message>
      <source>password</source>
      <translation>mot de passe</translation>
    </message>
    <message>
      <source>size</source>
      <translation>taille</translation>
    </message>
    <message>
      <source>customer</source>
      <translation>client</translation>
    </message>
    <message>
      <source>table</source>
      <translation>barème</translation>
    </message>
    <message>
      <source>cost</source>
      <translation>coût</translation>
    </message>
    <message>
      <source>description</source>
      <translation>description</translation>
    </message>
    <message>
      <source>status</source>
      <translation>état</translation>
    </message>
    <message>
      <source>reason</source>
      <translation>motif</translation>
    </message>
    <message>
      <source>address</source>
      <translation>adresse</translation>
    </message>
    <message>
      <source>cooperative name</source>
      <translation>nom de la coopérative</translation>
    </message>
    <message>
      <source>email</source>
      <translation>courriel</translation>
    </message>
    <message>
      <source>phone</source>
      <translation>téléphone</translation>
    </message>
    <message>
      <source>category</source>
      <translation>catégorie</translation>
    </message>
    <message>
      <source>tracking</source>
      <translation>suivi</translation>
    </message>
    <message>
      <source>manufacturer</source>
      <translation>fabricant</translation>
    </message>
    <message>
      <source>model</source>
      <translation>modèle</translation>
    </message>
    <message>
      <source>replacement value</source>
      <translation>valeur de remplacement</translation>
    </message>
    <message>
      <source>deposit</source>
      <translation>caution</translation>
    </message>
    <message>
      <source>weight</source>
      <translation>poids</translation>
    </message>
    <message>
      <source>notes</source>
      <translation>notes</translation>
    </message>
    <message>
      <source>sale price</source>
      <translation>prix de vente</translation>
    </message>
    <message>
      <source>prep buffer</source>
      <translation>délai de préparation</translation>
    </message>
    <message>
      <source>de-prep buffer</source>
      <translation>délai de retour en stock</translation>
    </message>
    <message>
      <source>owner</source>
      <translation>propriétaire</translation>
    </message>
    <message>
      <source>item code</source>
      <translation>code matériel</translation>
    </message>
    <message>
      <source>serial number</source>
      <translation>numéro de série</translation>
    </message>
    <message>
      <source>location</source>
      <translation>emplacement</translation>
    </message>
    <message>
      <source>purchase date</source>
      <translation>date d’achat</translation>
    </message>
    <message>
      <source>purchase price</source>
      <translation>prix d’achat</translation>
    </message>
    <message>
      <source>condition notes</source>
      <translation>notes d’état</translation>
    </message>
    <message>
      <source>file</source>
      <translation>fichier</translation>
    </message>
    <message>
      <source>header</source>
      <translation>en-tête</translation>
    </message>
    <message>
      <source>record</source>
      <translation>type de ligne</translation>
    </message>
    <message>
      <source>barcode</source>
      <translation>code-barres</translation>
    </message>
    <message>
      <source>format</source>
      <translation>format</translation>
    </message>
    <message>
      <source>labels</source>
      <translation>étiquettes</translation>
    </message>
    <message>
      <source>schedule</source>
      <translation>contrôle</translation>
    </message>
    <message>
      <source>interval</source>
      <translation>périodicité</translation>
    </message>
    <message>
      <source>inspector</source>
      <translation>contrôleur</translation>
    </message>
    <message>
      <source>repairer</source>
      <translation>réparateur</translation>
    </message>
    <message>
      <source>photo</source>
      <translation>photo</translation>
    </message>
    <message>
      <source>use to</source>
      <translation>fin d’utilisation</translation>
    </message>
    <message>
      <source>use from</source>
      <translation>début d’utilisation</translation>
    </message>
    <message>
      <source>event</source>
      <translation>événement</translation>
    </message>
    <message>
      <source>venue</source>
      <translation>lieu</translation>
    </message>
    <message>
      <source>country</source>
      <translation>pays</translation>
    </message>
    <message>
      <source>SIRET</source>
      <translation>SIRET</translation>
    </message>
    <message>
      <source>SIREN</source>
      <translation>SIREN</translation>
    </message>
    <message>
      <source>VAT number</source>
      <translation>numéro de TVA</translation>
    </message>
    <message>
      <source>kind</source>
      <translation>type de client</translation>
    </message>
    <message>
      <source>postcode</source>
      <translation>code postal</translation>
    </message>
    <message>
      <source>city</source>
      <translation>ville</translation>
    </message>
    <message>
      <source>service code</source>
      <translation>code service</translation>
    </message>
    <message>
      <source>customer number</source>
      <translation>numéro client</translation>
    </message>
    <message>
      <source>public buyer</source>
      <translation>acheteur public</translation>
    </message>
    <message>
      <source>role</source>
      <translation>fonction</translation>
    </message>
    <message>
      <source>account</source>
      <translation>compte</translation>
    </message>
    <message>
      <source>journal</source>
      <translation>journal</translation>
    </message>
    <message>
      <source>label</source>
      <translation>libellé</translation>
    </message>
    <message>
      <source>mode</source>
      <translation>mode</translation>
    </message>
    <message>
      <source>period</source>
      <translation>période</translation>
    </message>
    <message>
      <source>method</source>
      <translation>moyen de paiement</translation>
    </message>
    <message>
      <source>received on</source>
      <translation>reçu le</translation>
    </message>
    <message>
      <source>member day rate</source>
      <translation>tarif journalier adhérent</translation>
    </message>
    <message>
      <source>non-member day rate</source>
      <translation>tarif journalier non-adhérent</translation>
    </message>
    <message>
      <source>day rate</source>
      <translation>tarif journalier</translation>
    </message>
    <message>
      <source>VAT exemption</source>
      <translation>exonération de TVA</translation>
    </message>
    <message>
      <source>amount due</source>
      <translation>reste dû</translation>
    </message>
    <message>
      <source>reference</source>
      <translation>référence</translation>
    </message>
    <message>
      <source>days</source>
      <translation>jours</translation>
    </message>
    <message>
      <source>coefficient</source>
      <translation>coefficient</translation>
    </message>
    <message>
      <source>minimum charge</source>
      <translation>minimum de facturation</translation>
    </message>
    <message>
      <source>payment days</source>
      <translation>délai de paiement</translation>
    </message>
    <message>
      <source>quote validity</source>
      <translation>validité du devis</translation>
    </message>
    <message>
      <source>damage VAT</source>
      <translation>TVA des frais de casse</translation>
    </message>
    <message>
      <source>late returns</source>
      <translation>retards de restitution</translation>
    </message>
    <message>
      <source>late fee</source>
      <translation>forfait de retard</translation>
    </message>
    <message>
      <source>VAT rate</source>
      <translation>taux de TVA</translation>
    </message>
    <message>
      <source>report</source>
      <translation>rapport</translation>
    </message>
    <message>
      <source>vat</source>
      <translation>numéro de TVA</translation>
    </message>
    <message>
      <source>credit_prefix</source>
      <translation>préfixe des avoirs</translation>
    </message>
    <message>
      <source>admin_password</source>
      <translation>mot de passe de l’administrateur</translation>
    </message>
    <message>
      <source>cooperative's name</source>
      <translation>nom de la coopérative</translation>
    </message>
    <message>
      <source>legal form</source>
      <translation>forme juridique</translation>
    </message>
    <message>
      <source>share capital</source>
      <translation>capital social</translation>
    </message>
    <message>
      <source>RCS or RNA number</source>
      <translation>numéro RCS ou RNA</translation>
    </message>
    <message>
      <source>IBAN</source>
      <translation>IBAN</translation>
    </message>
    <message>
      <source>BIC</source>
      <translation>BIC</translation>
    </message>
    <message>
      <source>capital</source>
      <translation>capital social</translation>
    </message>
    <message>
      <source>siren</source>
      <translation>SIREN</translation>
    </message>
    <message>
      <source>siret</source>
      <translation>SIRET</translation>
    </message>
    <message>
      <source>rcs</source>
      <translation>RCS</translation>
    </message>
    <message>
      <source>iban</source>
      <translation>IBAN</translation>
    </message>
    <message>
      <source>bic</source>
      <translation>BIC</translation>
    </message>
    <message>
      <source>coefficients</source>
      <translation>coefficients</translation>
    </message>
    <message>
      <source>membership_year_start</source>
      <translation>début de l’année d’adhésion</translation>
    </message>
    <message>
      <source>vat_regime</source>
      <translation>régime de TVA</translation>
    </message>
    <message>
      <source>payment_days</source>
      <translation>délai de paiement</translation>
    </message>
    <message>
      <source>month</source>
      <translation>mois</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>{url} is not a PostgreSQL server's URL (postgresql+psycopg://USER@/DATABASE?host=SOCKET_FOLDER&amp;port=PORT).</source>
      <translation>{url} n’est pas l’URL d’un serveur PostgreSQL (postgresql+psycopg://UTILISATEUR@/BASE?host=DOSSIER_SOCKET&amp;port=PORT).</translation>
    </message>
    <message>
      <source>The PostgreSQL bench needs the server's URL (--url).</source>
      <translation>La mesure sur PostgreSQL a besoin de l’URL du serveur (--url).</translation>
    </message>
    <message>
      <source>Could not create a database for the bench on {server}: {reason}</source>
      <translation>Impossible de créer une base pour la mesure sur {server} : {reason}</translation>
    </message>
    <message>
      <source>{path} is not a workload file written by workload.py ({reason}).</source>
      <translation>{path} n’est pas un fichier de charge écrit par workload.py ({reason}).</translation>
    </message>
    <message>
      <source>There is no database at {path} (check the path; to create one: regie init or regie demo).</source>
      <translation>Il n’y a pas de base de données à l’emplacement {path} (vérifiez le chemin ; pour en créer une : regie init ou regie demo).</translation>
    </message>
    <message>
      <source>There is no folder {folder} for the database {path}: check the path given with --db or REGIE_DB (a mistyped path must not start a new, empty database).</source>
      <translation>Il n’y a pas de dossier {folder} pour la base {path} : vérifiez le chemin donné avec --db ou REGIE_DB (un chemin mal tapé ne doit pas créer une nouvelle base vide).</translation>
    </message>
    <message>
      <source>Name your account: --user NAME (or REGIE_USER), with its password in REGIE_PASSWORD or typed at the prompt.</source>
      <translation>Indiquez votre compte : --user NOM (ou REGIE_USER), avec son mot de passe dans REGIE_PASSWORD ou tapé à l’invite.</translation>
    </message>
    <message>
      <source>A password is needed for {name}: give it in REGIE_PASSWORD, or run the command in a terminal to type it.</source>
      <translation>Un mot de passe est nécessaire pour {name} : donnez-le dans REGIE_PASSWORD, ou lancez la commande dans un terminal pour le taper.</translation>
    </message>
    <message>
      <source>The two passwords differ: nothing was changed.</source>
      <translation>Les deux mots de passe diffèrent : rien n’a été modifié.</translation>
    </message>
    <message>
      <source>Give the new password in REGIE_NEW_PASSWORD, or run the command in a terminal to type it.</source>
      <translation>Donnez le nouveau mot de passe dans REGIE_NEW_PASSWORD, ou lancez la commande dans un terminal pour le taper.</translation>
    </message>
    <message>
      <source>The end of the period must come after its start.</source>
      <translation>La fin de la période doit venir après son début.</translation>
    </message>
    <message>
      <source>--id {id} names a row of one table: say which with --entity TABLE (e.g. --entity booking --id {id}).</source>
      <translation>--id {id} désigne une ligne d’une seule table : indiquez laquelle avec --entity TABLE (par exemple --entity booking --id {id}).</translation>
    </message>
    <message>
      <source>No table is called {name}: use one of {tables}.</source>
      <translation>Aucune table ne s'appelle {name} : utilisez l'une de {tables}.</translation>
    </message>
    <message>
      <source>Give at least one --line CODE=QTY to book.</source>
      <translation>Donnez au moins une ligne --line CODE=QTÉ à réserver.</translation>
    </message>
    <message>
      <source>Give --buyer-ref, --order-ref or both ("" clears one).</source>
      <translation>Donnez --buyer-ref, --order-ref ou les deux ("" en efface une).</translation>
    </message>
    <message>
      <source>{option} goes with --credit-note.</source>
      <translation>{option} va avec --credit-note.</translation>
    </message>
    <message>
      <source>A membership needs --member-number and --member-from together.</source>
      <translation>Une adhésion demande à la fois --member-number et --member-from.</translation>
    </message>
    <message>
      <source>{name} has no membership yet: give its --member-number.</source>
      <translation>{name} n'a encore aucune adhésion : donnez son --member-number.</translation>
    </message>
    <message>
      <source>Give the first day of the membership with --from.</source>
      <translation>Donnez le premier jour de l'adhésion avec --from.</translation>
    </message>
    <message>
      <source>Charges outside the scope of VAT have no rate: give --rate only with --category S.</source>
      <translation>Des frais hors du champ de la TVA n’ont pas de taux : donnez --rate seulement avec --category S.</translation>
    </message>
    <message>
      <source>The copy does not pass regie verify ({problem}): nothing was copied.</source>
      <translation>La copie ne passe pas regie verify ({problem}) : rien n’a été copié.</translation>
    </message>
    <message>
      <source>--from and --to name the same database {where}.</source>
      <translation>--from et --to désignent la même base {where}.</translation>
    </message>
    <message>
      <source>Standard output is closed (the program reading it has ended): nothing was issued.</source>
      <translation>La sortie standard est fermée (le programme qui la lisait s’est arrêté) : rien n’a été émis.</translation>
    </message>
    <message>
      <source>The booking of deposit {id} has no issued invoice left to pay.</source>
      <translation>La réservation de la caution {id} n’a aucune facture émise restant due.</translation>
    </message>
    <message>
      <source>Give a code before the note, as CODE=NOTE.</source>
      <translation>Donnez un code avant la note : CODE=NOTE.</translation>
    </message>
    <message>
      <source>Give the code of the missing unit.</source>
      <translation>Donnez le code de l’unité manquante.</translation>
    </message>
    <message>
      <source>Give at least one code to scan out.</source>
      <translation>Donnez au moins un code à sortir.</translation>
    </message>
    <message>
      <source>Give at least one code to check in.</source>
      <translation>Donnez au moins un code à rentrer.</translation>
    </message>
    <message>
      <source>Give a date.</source>
      <translation>Indiquez une date.</translation>
    </message>
    <message>
      <source>{path} cannot be read ({reason}).</source>
      <translation>{path} ne peut pas être lu ({reason}).</translation>
    </message>
    <message>
      <source>{path} is not UTF-8 text: save it as UTF-8, then try again.</source>
      <translation>{path} n’est pas un texte UTF-8 : enregistrez-le en UTF-8, puis réessayez.</translation>
    </message>
    <message>
      <source>{path}: unknown keys {keys} (resources/examples/cooperative.toml lists them).</source>
      <translation>{path} : clés inconnues {keys} (resources/examples/cooperative.toml les énumère).</translation>
    </message>
    <message>
      <source>{path}, line {line}: this line is not valid TOML (check its [brackets], quotes and key = value); resources/examples/cooperative.toml shows the format.</source>
      <translation>{path}, ligne {line} : cette ligne n’est pas du TOML valide (vérifiez ses [crochets], ses guillemets et la forme clé = valeur) ; resources/examples/cooperative.toml montre le format.</translation>
    </message>
    <message>
      <source>{path} ends before its last value is complete: it is not valid TOML (resources/examples/cooperative.toml shows the format).</source>
      <translation>{path} s’arrête avant la fin de sa dernière valeur : ce n’est pas du TOML valide (resources/examples/cooperative.toml montre le format).</translation>
    </message>
    <message>
      <source>The logo {path} cannot be read ({reason}).</source>
      <translation>Le logo {path} ne peut pas être lu ({reason}).</translation>
    </message>
    <message>
      <source>The folder {folder} does not exist.</source>
      <translation>Le dossier {folder} n’existe pas.</translation>
    </message>
    <message>
      <source>Give a quantity (POS:QTY) or an amount (POS=AMOUNT), not both.</source>
      <translation>Donnez une quantité (POS:QTÉ) ou un montant (POS=MONTANT), pas les deux.</translation>
    </message>
    <message>
      <source>Invoice {number} has {count} lines left to credit: say which with --line (--line 2 for all that is left of line 2, --line 2:3 for 3 of its units, --line 2=150.00 for an amount excluding VAT), repeatable.</source>
      <translation>La facture {number} a {count} lignes à créditer : dites laquelle avec --line (--line 2 pour tout ce qui reste de la ligne 2, --line 2:3 pour 3 de ses unités, --line 2=150,00 pour un montant HT), répétable.</translation>
    </message>
    <message>
      <source>Give --amount or --line, not both.</source>
      <translation>Donnez --amount ou --line, pas les deux.</translation>
    </message>
    <message>
      <source>Give a whole number of rows, 0 or more (for example 100).</source>
      <translation>Donnez un nombre entier de lignes, 0 ou plus (par exemple 100).</translation>
    </message>
    <message>
      <source>{path} is a file, not a folder: give a folder for --out.</source>
      <translation>{path} est un fichier, pas un dossier : donnez un dossier à --out.</translation>
    </message>
    <message>
      <source>{path}: part of this path is a file, not a folder.</source>
      <translation>{path} : une partie de ce chemin est un fichier, pas un dossier.</translation>
    </message>
    <message>
      <source>Régie may not write in the folder {folder}: choose another place.</source>
      <translation>Régie n’a pas le droit d’écrire dans le dossier {folder} : choisissez un autre emplacement.</translation>
    </message>
    <message>
      <source>{path} is a folder: give the name of a file to write (in that folder, say).</source>
      <translation>{path} est un dossier : donnez le nom d’un fichier à écrire (dans ce dossier, par exemple).</translation>
    </message>
    <message>
      <source>The file {path} cannot be overwritten (it is read-only): choose another name.</source>
      <translation>Le fichier {path} ne peut pas être remplacé (il est en lecture seule) : choisissez un autre nom.</translation>
    </message>
    <message>
      <source>Give --out with a folder, --print, or both.</source>
      <translation>Indiquez --out avec un dossier, --print, ou les deux.</translation>
    </message>
    <message>
      <source>Give --out with a file, --print, or both.</source>
      <translation>Indiquez --out avec un fichier, --print, ou les deux.</translation>
    </message>
    <message>
      <source>{path} is a folder: give --out a file name.</source>
      <translation>{path} est un dossier : donnez à --out un nom de fichier.</translation>
    </message>
    <message>
      <source>Give a date (2026-01-31).</source>
      <translation>Indiquez une date (2026-01-31).</translation>
    </message>
    <message>
      <source>An XLSX report needs --out FILE.</source>
      <translation>Un rapport XLSX demande --out FICHIER.</translation>
    </message>
    <message>
      <source>{path} is a file: give --out a folder.</source>
      <translation>{path} est un fichier : donnez à --out un dossier.</translation>
    </message>
    <message>
      <source>Cannot read {path}: {reason}</source>
      <translation>Impossible de lire {path} : {reason}</translation>
    </message>
    <message>
      <source>Cannot write {path}: {reason}</source>
      <translation>Impossible d’écrire {path} : {reason}</translation>
    </message>
    <message>
      <source>Unknown role {role}: use technician, staff, manager or admin.</source>
      <translation>Rôle inconnu {role} : utilisez technician, staff, manager ou admin.</translation>
    </message>
    <message>
      <source>technician</source>
      <translation>technicien</translation>
    </message>
    <message>
      <source>staff</source>
      <translation>personnel de bureau</translation>
    </message>
    <message>
      <source>manager</source>
      <translation>gestionnaire</translation>
    </message>
    <message>
      <source>administrator</source>
      <translation>administrateur</translation>
    </message>
    <message>
      <source>work at the desk</source>
      <translation>travailler au comptoir</translation>
    </message>
    <message>
      <source>change the status, inspections and repairs of units</source>
      <translation>modifier l’état, les contrôles et les réparations des unités</translation>
    </message>
    <message>
      <source>change customers</source>
      <translation>modifier les clients</translation>
    </message>
    <message>
      <source>change bookings and quotes</source>
      <translation>modifier les réservations et les devis</translation>
    </message>
    <message>
      <source>change the catalogue</source>
      <translation>modifier le catalogue</translation>
    </message>
    <message>
      <source>issue invoices and credit notes or record payments</source>
      <translation>émettre des factures et des avoirs ni enregistrer des paiements</translation>
    </message>
    <message>
      <source>change rates and pricing rules</source>
      <translation>modifier les tarifs et les règles de prix</translation>
    </message>
    <message>
      <source>print statements, reports and exports</source>
      <translation>imprimer les relevés, les rapports et les exports</translation>
    </message>
    <message>
      <source>change the cooperative's settings</source>
      <translation>modifier les paramètres de la coopérative</translation>
    </message>
    <message>
      <source>manage accounts</source>
      <translation>gérer les comptes</translation>
    </message>
    <message>
      <source>back up, restore or copy the database, or answer personal-data requests</source>
      <translation>sauvegarder, restaurer ou copier la base, ni répondre aux demandes sur les données personnelles</translation>
    </message>
    <message>
      <source>{name} ({role}) may not {action}: ask an administrator.</source>
      <translation>{name} ({role}) ne peut pas {action} : demandez à un administrateur.</translation>
    </message>
    <message>
      <source>{name} ({role}) may not {action}: ask a staff member, a manager or an administrator.</source>
      <translation>{name} ({role}) ne peut pas {action} : demandez à un membre du personnel de bureau, à un gestionnaire ou à un administrateur.</translation>
    </message>
    <message>
      <source>{name} ({role}) may not {action}: ask a manager or an administrator.</source>
      <translation>{name} ({role}) ne peut pas {action} : demandez à un gestionnaire ou à un administrateur.</translation>
    </message>
    <message>
      <source>There is no account named {name}.</source>
      <translation>Il n’y a pas de compte nommé {name}.</translation>
    </message>
    <message>
      <source>An account name is 1 to 40 letters, digits or . _ - @ (no spaces), and does not start with BADGE-: {name} is not.</source>
      <translation>Un nom de compte se compose de 1 à 40 lettres, chiffres ou . _ - @ (sans espace) et ne commence pas par BADGE- : {name} ne convient pas.</translation>
    </message>
    <message>
      <source>A password has at least {count} characters.</source>
      <translation>Un mot de passe compte au moins {count} caractères.</translation>
    </message>
    <message>
      <source>On a PostgreSQL server every account needs a password (at least {count} characters).</source>
      <translation>Sur un serveur PostgreSQL, chaque compte doit avoir un mot de passe (au moins {count} caractères).</translation>
    </message>
    <message>
      <source>There is already an account named {name}.</source>
      <translation>Il existe déjà un compte nommé {name}.</translation>
    </message>
    <message>
      <source>{name} is the last enabled administrator: it cannot be disabled (make another account an administrator first).</source>
      <translation>Le compte {name} est le dernier compte administrateur actif : il ne peut pas être désactivé (faites d’abord d’un autre compte un administrateur).</translation>
    </message>
    <message>
      <source>{name} is the last enabled administrator: its role cannot change (make another account an administrator first).</source>
      <translation>Le compte {name} est le dernier compte administrateur actif : son rôle ne peut pas changer (faites d’abord d’un autre compte un administrateur).</translation>
    </message>
    <message>
      <source>This badge belongs to nobody: ask an administrator for a new one.</source>
      <translation>Ce badge n’appartient à personne : demandez-en un nouveau à un administrateur.</translation>
    </message>
    <message>
      <source>No administrator has a password yet, and once an account has one, accounts without a password can no longer log in: give yourself a password first (regie accounts passwd {admin}).</source>
      <translation>Aucun administrateur n’a encore de mot de passe, et dès qu’un compte en a un, les comptes sans mot de passe ne peuvent plus se connecter : donnez-vous d’abord un mot de passe (regie accounts passwd {admin}).</translation>
    </message>
    <message>
      <source>{name} has no password yet: an administrator sets one with regie accounts passwd {name}.</source>
      <translation>Le compte {name} n’a pas encore de mot de passe : un administrateur lui en donne un avec regie accounts passwd {name}.</translation>
    </message>
    <message>
      <source>Wrong name or password.</source>
      <translation>Nom ou mot de passe erroné.</translation>
    </message>
    <message>
      <source>The account {name} is disabled: ask an administrator.</source>
      <translation>Le compte {name} est désactivé : adressez-vous à un administrateur.</translation>
    </message>
    <message>
      <source>The account {name} is locked after {count} wrong passwords, until {time}: wait, or ask an administrator to unlock it.</source>
      <translation>Le compte {name} est verrouillé après {count} mots de passe erronés, jusqu’à {time} : patientez, ou demandez à un administrateur de le déverrouiller.</translation>
    </message>
    <message>
      <source>Account</source>
      <translation>Compte</translation>
    </message>
    <message>
      <source>Booking</source>
      <translation>Réservation</translation>
    </message>
    <message>
      <source>Booking line</source>
      <translation>Ligne de réservation</translation>
    </message>
    <message>
      <source>Barcode numbering</source>
      <translation>Numérotation des codes-barres</translation>
    </message>
    <message>
      <source>Booking pricing</source>
      <translation>Tarification de réservation</translation>
    </message>
    <message>
      <source>Case</source>
      <translation>Flight-case</translation>
    </message>
    <message>
      <source>Category rate</source>
      <translation>Tarif de catégorie</translation>
    </message>
    <message>
      <source>Coefficient step</source>
      <translation>Palier de coefficient</translation>
    </message>
    <message>
      <source>Coefficient table</source>
      <translation>Table de coefficients</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>Contact</translation>
    </message>
    <message>
      <source>Customer</source>
      <translation>Client</translation>
    </message>
    <message>
      <source>Customer price category</source>
      <translation>Catégorie tarifaire du client</translation>
    </message>
    <message>
      <source>Damage charge</source>
      <translation>Frais de casse</translation>
    </message>
    <message>
      <source>Deposit</source>
      <translation>Caution</translation>
    </message>
    <message>
      <source>Document file</source>
      <translation>Fichier de document</translation>
    </message>
    <message>
      <source>Document numbering</source>
      <translation>Numérotation des documents</translation>
    </message>
    <message>
      <source>Family coefficient</source>
      <translation>Coefficient de famille</translation>
    </message>
    <message>
      <source>Inspection</source>
      <translation>Vérification</translation>
    </message>
    <message>
      <source>Inspection due</source>
      <translation>Vérification à faire</translation>
    </message>
    <message>
      <source>Inspection schedule</source>
      <translation>Calendrier de vérification</translation>
    </message>
    <message>
      <source>Issued document</source>
      <translation>Document émis</translation>
    </message>
    <message>
      <source>Issued line</source>
      <translation>Ligne émise</translation>
    </message>
    <message>
      <source>Item photo</source>
      <translation>Photo d'article</translation>
    </message>
    <message>
      <source>Item rate</source>
      <translation>Tarif d'article</translation>
    </message>
    <message>
      <source>Item type</source>
      <translation>Type de matériel</translation>
    </message>
    <message>
      <source>Kit</source>
      <translation>Kit</translation>
    </message>
    <message>
      <source>Kit line</source>
      <translation>Ligne de kit</translation>
    </message>
    <message>
      <source>Line discount</source>
      <translation>Remise de ligne</translation>
    </message>
    <message>
      <source>Membership</source>
      <translation>Adhésion</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>Mouvement</translation>
    </message>
    <message>
      <source>Opening entry</source>
      <translation>Écriture d’ouverture</translation>
    </message>
    <message>
      <source>Opening entry payment</source>
      <translation>Règlement d’écriture d’ouverture</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>Propriétaire</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>Paiement</translation>
    </message>
    <message>
      <source>Price category</source>
      <translation>Catégorie tarifaire</translation>
    </message>
    <message>
      <source>Seal</source>
      <translation>Sceau</translation>
    </message>
    <message>
      <source>Booking numbering</source>
      <translation>Numérotation des réservations</translation>
    </message>
    <message>
      <source>Repair</source>
      <translation>Réparation</translation>
    </message>
    <message>
      <source>Setting</source>
      <translation>Réglage</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>Pièce</translation>
    </message>
    <message>
      <source>Unit event</source>
      <translation>Événement de pièce</translation>
    </message>
    <message>
      <source>created</source>
      <translation>créé</translation>
    </message>
    <message>
      <source>changed</source>
      <translation>modifié</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>supprimé</translation>
    </message>
    <message>
      <source>{folder} is a file, not a folder: choose a folder for the backups.</source>
      <translation>{folder} est un fichier, pas un dossier : choisissez un dossier pour les sauvegardes.</translation>
    </message>
    <message>
      <source>The backup folder {folder} cannot be written to ({reason}): plug the disk in, mount the share or choose another folder.</source>
      <translation>Impossible d’écrire dans le dossier des sauvegardes {folder} ({reason}) : branchez le disque, montez le partage ou choisissez un autre dossier.</translation>
    </message>
    <message>
      <source>The backup {name} could not be checked ({problem}); it was not kept.</source>
      <translation>La sauvegarde {name} n’a pas pu être vérifiée ({problem}) ; elle n’a pas été gardée.</translation>
    </message>
    <message>
      <source>The backup {name} is not intact ({problems}); it was not kept: run regie verify on the database.</source>
      <translation>La sauvegarde {name} n’est pas intacte ({problems}) ; elle n’a pas été gardée : lancez regie verify sur la base.</translation>
    </message>
    <message>
      <source>{tool} was not found (neither on PATH nor in /usr/lib/postgresql): install the PostgreSQL client programs (Debian: apt install postgresql-client) to back up or restore a server database.</source>
      <translation>{tool} est introuvable (ni dans le PATH ni dans /usr/lib/postgresql) : installez les programmes clients de PostgreSQL (Debian : apt install postgresql-client) pour sauvegarder ou restaurer une base sur serveur.</translation>
    </message>
    <message>
      <source>pg_dump could not back the server database up: {reason}</source>
      <translation>pg_dump n’a pas pu sauvegarder la base du serveur : {reason}</translation>
    </message>
    <message>
      <source>{name} is not a readable PostgreSQL backup ({reason}).</source>
      <translation>{name} n’est pas une sauvegarde PostgreSQL lisible ({reason}).</translation>
    </message>
    <message>
      <source>The backup {name} holds no Régie database; it was not kept.</source>
      <translation>La sauvegarde {name} ne contient pas de base Régie ; elle n’a pas été gardée.</translation>
    </message>
    <message>
      <source>The backup {name} does not read back ({reason}); it was not kept.</source>
      <translation>La sauvegarde {name} ne se relit pas ({reason}) ; elle n’a pas été gardée.</translation>
    </message>
    <message>
      <source>There is no file {path} to restore.</source>
      <translation>Il n’y a pas de fichier {path} à restaurer.</translation>
    </message>
    <message>
      <source>{path} is a folder: give the backup file to restore.</source>
      <translation>{path} est un dossier : indiquez le fichier de sauvegarde à restaurer.</translation>
    </message>
    <message>
      <source>{path} is not a Régie backup (neither an SQLite database nor a PostgreSQL dump); nothing was changed.</source>
      <translation>{path} n’est pas une sauvegarde Régie (ni une base SQLite ni une sauvegarde PostgreSQL) ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>{path} is a backup of an SQLite file and the database is on a PostgreSQL server: copy it there with regie db copy --from {path} --to URL; nothing was changed.</source>
      <translation>{path} est la sauvegarde d’un fichier SQLite et la base est sur un serveur PostgreSQL : copiez-la avec regie db copy --from {path} --to URL ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>{path} is a backup of a PostgreSQL server database: restore it into an empty server database (REGIE_DB=URL regie restore {path}), then regie db copy to a file if needed; nothing was changed.</source>
      <translation>{path} est la sauvegarde d’une base sur serveur PostgreSQL : restaurez-la dans une base vide du serveur (REGIE_DB=URL regie restore {path}), puis regie db copy vers un fichier si besoin ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The backup {path} is damaged ({reason}); nothing was changed.</source>
      <translation>La sauvegarde {path} est endommagée ({reason}) ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>{path} is an SQLite database but not a Régie one; nothing was changed.</source>
      <translation>{path} est une base SQLite mais pas une base Régie ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>There is no folder {folder} for the database.</source>
      <translation>Il n’y a pas de dossier {folder} pour la base.</translation>
    </message>
    <message>
      <source>{path} is the database itself: choose a backup file.</source>
      <translation>{path} est la base elle-même : choisissez un fichier de sauvegarde.</translation>
    </message>
    <message>
      <source>The backup {path} cannot be opened ({problem}); nothing was changed.</source>
      <translation>La sauvegarde {path} ne peut pas être ouverte ({problem}) ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The backup {path} is not intact ({problems}); nothing was changed.</source>
      <translation>La sauvegarde {path} n’est pas intacte ({problems}) ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>{path} holds no Régie database; nothing was changed.</source>
      <translation>{path} ne contient pas de base Régie ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The server database {url} is not empty ({count} tables): a restore goes into an empty database, never over one. Create one (createdb regie_restored), restore into it with REGIE_DB={empty} regie restore {path}, then point the workstations at it; the current database stays as it is. Nothing was changed.</source>
      <translation>La base du serveur {url} n’est pas vide ({count} tables) : une restauration se fait dans une base vide, jamais par-dessus une autre. Créez-en une (createdb regie_restored), restaurez-y avec REGIE_DB={empty} regie restore {path}, puis faites-y pointer les postes ; la base actuelle reste telle quelle. Rien n’a été modifié.</translation>
    </message>
    <message>
      <source>pg_restore could not restore {path} ({reason}); nothing was changed.</source>
      <translation>pg_restore n’a pas pu restaurer {path} ({reason}) ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The backup {path} is not intact ({problems}); the server database was emptied again: nothing was changed.</source>
      <translation>La sauvegarde {path} n’est pas intacte ({problems}) ; la base du serveur a été vidée de nouveau : rien n’a été modifié.</translation>
    </message>
    <message numerus="yes">
      <source>{count} problem(s) found; nothing was changed.</source>
      <translation>
        <numerusform>{count} problème trouvé ; rien n’a été modifié.</numerusform>
        <numerusform>{count} problèmes trouvés ; rien n’a été modifié.</numerusform>
      </translation>
    </message>
    <message>
      <source>Unexpected error: {error}</source>
      <translation>Erreur inattendue : {error}</translation>
    </message>
    <message>
      <source>{value!r} is not an amount: use the digits 0 to 9 (write it like 1234.50 or 1234,50).</source>
      <translation>{value!r} n’est pas un montant : utilisez les chiffres 0 à 9 (écrivez-le comme 1234.50 ou 1234,50).</translation>
    </message>
    <message>
      <source>{value!r} is not an amount: no exponent (write it like 1234.50 or 1234,50).</source>
      <translation>{value!r} n’est pas un montant : pas d’exposant (écrivez-le comme 1234.50 ou 1234,50).</translation>
    </message>
    <message>
      <source>{value!r} is not an amount: no spaces or thousands separators (write it like 1234.50 or 1234,50).</source>
      <translation>{value!r} n’est pas un montant : ni espaces ni séparateurs de milliers (écrivez-le comme 1234.50 ou 1234,50).</translation>
    </message>
    <message>
      <source>{value!r} is not an amount (write it like 1234.50 or 1234,50).</source>
      <translation>{value!r} n’est pas un montant (écrivez-le comme 1234.50 ou 1234,50).</translation>
    </message>
    <message>
      <source>The {field} cannot be negative.</source>
      <translation>Le champ « {field} » ne peut pas être négatif.</translation>
    </message>
    <message>
      <source>{value!r} is not an amount: at most two decimals (write it like 1234.50 or 1234,50).</source>
      <translation>{value!r} n’est pas un montant : deux décimales au plus (écrivez-le comme 1234.50 ou 1234,50).</translation>
    </message>
    <message>
      <source>{url} is neither a database file nor a PostgreSQL address (postgresql+psycopg://USER@HOST/DATABASE).</source>
      <translation>{url} n’est ni un fichier de base de données ni une adresse PostgreSQL (postgresql+psycopg://UTILISATEUR@HÔTE/BASE).</translation>
    </message>
    <message>
      <source>{path} is a folder, not a database file: give the path of a file.</source>
      <translation>{path} est un dossier, pas un fichier de base de données : donnez le chemin d’un fichier.</translation>
    </message>
    <message>
      <source>The file {path} is not a Régie database (it is not an SQLite database at all). Check the path, or restore the database from a backup: regie restore FILE (or File → Backups…).</source>
      <translation>Le fichier {path} n’est pas une base de données Régie (ce n’est pas du tout une base SQLite). Vérifiez le chemin, ou restaurez la base depuis une sauvegarde : regie restore FICHIER (ou Fichier → Sauvegardes…).</translation>
    </message>
    <message>
      <source>The database {path} is incomplete: the file was cut short (an interrupted copy or download?). Nothing was changed; use the complete file, or restore a backup: regie restore FILE (or File → Backups…).</source>
      <translation>La base de données {path} est incomplète : le fichier a été tronqué (copie ou téléchargement interrompu ?). Rien n’a été modifié ; utilisez le fichier complet, ou restaurez une sauvegarde : regie restore FICHIER (ou Fichier → Sauvegardes…).</translation>
    </message>
    <message>
      <source>The database {path} is damaged (its content is malformed). Nothing was changed; restore a backup: regie restore FILE (or File → Backups…) puts back one of the backups folder's copies (the .bak files beside the database are copies made before each upgrade).</source>
      <translation>La base de données {path} est endommagée (son contenu est mal formé). Rien n’a été modifié ; restaurez une sauvegarde : regie restore FICHIER (ou Fichier → Sauvegardes…) remet l’une des copies du dossier des sauvegardes (les fichiers .bak à côté de la base sont des copies faites avant chaque mise à jour).</translation>
    </message>
    <message>
      <source>The database {path} was written by a newer version of Régie (schema {revision}). Install that version to open it; nothing was changed.</source>
      <translation>La base de données {path} a été écrite par une version plus récente de Régie (schéma {revision}). Installez cette version pour l’ouvrir ; rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The database is still busy after {seconds} s: {holders} is writing to it. Nothing was changed; try again when it has finished (or close it).</source>
      <translation>La base de données est toujours occupée après {seconds} s : {holders} y écrit. Rien n’a été modifié ; réessayez quand il aura fini (ou fermez-le).</translation>
    </message>
    <message>
      <source>The database is busy: {holders} is writing to it. Nothing was changed; try again when it has finished (or close it).</source>
      <translation>La base de données est occupée : {holders} y écrit. Rien n’a été modifié ; réessayez quand il aura fini (ou fermez-le).</translation>
    </message>
    <message>
      <source>The database is still busy after {seconds} s: another program is writing to it. Nothing was changed; try again when it has finished.</source>
      <translation>La base de données est toujours occupée après {seconds} s : un autre programme y écrit. Rien n’a été modifié ; réessayez quand il aura fini.</translation>
    </message>
    <message>
      <source>The database is busy: another program is writing to it. Nothing was changed; try again when it has finished.</source>
      <translation>La base de données est occupée : un autre programme y écrit. Rien n’a été modifié ; réessayez quand il aura fini.</translation>
    </message>
    <message>
      <source>Régie cannot open the database {path}: check that the file and its folder exist and that you may read and write them.</source>
      <translation>Régie ne peut pas ouvrir la base de données {path} : vérifiez que le fichier et son dossier existent et que vous pouvez les lire et y écrire.</translation>
    </message>
    <message>
      <source>Régie could not read or write the database {path}: the disk reported an error ({error}). Nothing was changed; check the disk, then try again.</source>
      <translation>Régie n’a pas pu lire ou écrire la base de données {path} : le disque a signalé une erreur ({error}). Rien n’a été modifié ; vérifiez le disque, puis réessayez.</translation>
    </message>
    <message>
      <source>The database {path} is on a read-only disk: Régie can show it but not save changes. Copy it to a disk you can write on.</source>
      <translation>La base de données {path} est sur un disque en lecture seule : Régie peut l’afficher mais pas y enregistrer de modifications. Copiez-la sur un disque où vous pouvez écrire.</translation>
    </message>
    <message>
      <source>The database {path} is read-only: Régie can show it but not save changes. Allow writing to the file (its permissions) or copy it somewhere you can write.</source>
      <translation>La base de données {path} est en lecture seule : Régie peut l’afficher mais pas y enregistrer de modifications. Autorisez l’écriture dans le fichier (ses permissions) ou copiez-le là où vous pouvez écrire.</translation>
    </message>
    <message>
      <source>Régie cannot write in the folder {folder} that holds the database (it is read-only). Allow writing to the folder, or move the database to one you can write in.</source>
      <translation>Régie ne peut pas écrire dans le dossier {folder} qui contient la base de données (il est en lecture seule). Autorisez l’écriture dans ce dossier, ou déplacez la base dans un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
      <source>The database {path} is read-only: Régie can show it but not save changes.</source>
      <translation>La base de données {path} est en lecture seule : Régie peut l’afficher mais pas y enregistrer de modifications.</translation>
    </message>
    <message>
      <source>The disk that holds the database {path} is full: Régie cannot work with it until some space is freed. Nothing was changed.</source>
      <translation>Le disque qui contient la base de données {path} est plein : Régie ne peut pas s’en servir tant que de la place n’a pas été libérée. Rien n’a été modifié.</translation>
    </message>
    <message>
      <source>The disk is full. Nothing was changed; free some space, then try again.</source>
      <translation>Le disque est plein. Rien n’a été modifié ; libérez de la place, puis réessayez.</translation>
    </message>
    <message>
      <source>The disk is full: Régie could not write {path}. Nothing was changed; free some space, then try again.</source>
      <translation>Le disque est plein : Régie n’a pas pu écrire {path}. Rien n’a été modifié ; libérez de la place, puis réessayez.</translation>
    </message>
    <message>
      <source>{path} is on a read-only disk: Régie cannot write there.</source>
      <translation>{path} est sur un disque en lecture seule : Régie ne peut pas y écrire.</translation>
    </message>
    <message>
      <source>Permission denied: Régie may not use {path}. Check the permissions of the file and its folder.</source>
      <translation>Permission refusée : Régie ne peut pas utiliser {path}. Vérifiez les permissions du fichier et de son dossier.</translation>
    </message>
    <message>
      <source>{path} is a folder, not a file.</source>
      <translation>{path} est un dossier, pas un fichier.</translation>
    </message>
    <message>
      <source>{path} does not exist.</source>
      <translation>{path} n’existe pas.</translation>
    </message>
    <message>
      <source>The system refused: {reason}. Nothing was changed.</source>
      <translation>Le système a refusé : {reason}. Rien n’a été modifié.</translation>
    </message>
    <message>
      <source>Régie could not use {path}: {reason}.</source>
      <translation>Régie n’a pas pu utiliser {path} : {reason}.</translation>
    </message>
    <message>
      <source>the file does not exist</source>
      <translation>le fichier n’existe pas</translation>
    </message>
    <message>
      <source>access denied</source>
      <translation>accès refusé</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>le disque est plein</translation>
    </message>
    <message>
      <source>the disk quota is used up</source>
      <translation>le quota du disque est atteint</translation>
    </message>
    <message>
      <source>it is a folder, not a file</source>
      <translation>c’est un dossier, pas un fichier</translation>
    </message>
    <message>
      <source>part of the path is a file, not a folder</source>
      <translation>une partie du chemin est un fichier, pas un dossier</translation>
    </message>
    <message>
      <source>the disk is read-only</source>
      <translation>le disque est en lecture seule</translation>
    </message>
    <message>
      <source>the file already exists</source>
      <translation>le fichier existe déjà</translation>
    </message>
    <message>
      <source>the name is too long</source>
      <translation>le nom est trop long</translation>
    </message>
    <message>
      <source>the file is in use by another program</source>
      <translation>le fichier est utilisé par un autre programme</translation>
    </message>
    <message>
      <source>too many files are open</source>
      <translation>trop de fichiers sont ouverts</translation>
    </message>
    <message>
      <source>the disk could not be read or written (input/output error)</source>
      <translation>le disque n’a pas pu être lu ou écrit (erreur d’entrée-sortie)</translation>
    </message>
    <message>
      <source>too many symbolic links in the path</source>
      <translation>trop de liens symboliques dans le chemin</translation>
    </message>
    <message>
      <source>the name is not valid here</source>
      <translation>le nom n’est pas valide ici</translation>
    </message>
    <message>
      <source>the system says: {reason}</source>
      <translation>le système répond : {reason}</translation>
    </message>
    <message>
      <source>The database {server} is still busy after {seconds} s: {holders} is writing to it. Nothing was changed; try again when it has finished.</source>
      <translation>La base de données {server} est toujours occupée après {seconds} s : {holders} y écrit. Rien n’a été modifié ; réessayez quand l’écriture sera terminée.</translation>
    </message>
    <message>
      <source>The database {server} is still busy after {seconds} s: another workstation is writing to it. Nothing was changed; try again when it has finished.</source>
      <translation>La base de données {server} est toujours occupée après {seconds} s : un autre poste y écrit. Rien n’a été modifié ; réessayez quand l’écriture sera terminée.</translation>
    </message>
    <message>
      <source>The PostgreSQL server {server} refused the connection: wrong user name or password. Check the user and password of the database connection.</source>
      <translation>Le serveur PostgreSQL {server} a refusé la connexion : nom d’utilisateur ou mot de passe incorrect. Vérifiez l’utilisateur et le mot de passe de la connexion à la base.</translation>
    </message>
    <message>
      <source>The PostgreSQL server {server} does not allow this workstation to connect (no pg_hba.conf entry for it). Ask the server's administrator to allow it.</source>
      <translation>Le serveur PostgreSQL {server} n’autorise pas ce poste à se connecter (aucune entrée pg_hba.conf pour lui). Demandez à l’administrateur du serveur de l’autoriser.</translation>
    </message>
    <message>
      <source>The PostgreSQL server {server} has no database of that name. Check the database name, or create it (createdb) first.</source>
      <translation>Le serveur PostgreSQL {server} n’a pas de base de ce nom. Vérifiez le nom de la base, ou créez-la d’abord (createdb).</translation>
    </message>
    <message>
      <source>The disk of the PostgreSQL server {server} is full. Nothing was changed; ask the server's administrator to free some space.</source>
      <translation>Le disque du serveur PostgreSQL {server} est plein. Rien n’a été modifié ; demandez à l’administrateur du serveur de libérer de la place.</translation>
    </message>
    <message>
      <source>The PostgreSQL server {server} accepts no more connections (too many clients). Close a workstation or try again in a moment.</source>
      <translation>Le serveur PostgreSQL {server} n’accepte plus de connexions (trop de clients). Fermez Régie sur un poste ou réessayez dans un instant.</translation>
    </message>
    <message>
      <source>The PostgreSQL server {server} refused to save: the database user may not write there. Nothing was changed; the server's words are in the log.</source>
      <translation>Le serveur PostgreSQL {server} a refusé d’enregistrer : l’utilisateur de la base n’a pas le droit d’y écrire. Rien n’a été modifié ; les mots du serveur sont dans le journal.</translation>
    </message>
    <message>
      <source>The PostgreSQL server {server} is starting up or shutting down. Try again in a moment.</source>
      <translation>Le serveur PostgreSQL {server} est en train de démarrer ou de s’arrêter. Réessayez dans un instant.</translation>
    </message>
    <message>
      <source>The connection to the PostgreSQL server {server} was lost. Nothing was saved from the interrupted change; check the network and the server, then try again.</source>
      <translation>La connexion au serveur PostgreSQL {server} a été perdue. Rien de la modification interrompue n’a été enregistré ; vérifiez le réseau et le serveur, puis réessayez.</translation>
    </message>
    <message>
      <source>Régie cannot reach the PostgreSQL server {server}: nothing answers at that address and port. Check that the server is running and that its address and port are right.</source>
      <translation>Régie ne peut pas joindre le serveur PostgreSQL {server} : rien ne répond à cette adresse et ce port. Vérifiez que le serveur fonctionne et que son adresse et son port sont justes.</translation>
    </message>
    <message>
      <source>Régie cannot reach the PostgreSQL server {server}: it does not answer (timeout). Check the network and that the server is running.</source>
      <translation>Régie ne peut pas joindre le serveur PostgreSQL {server} : il ne répond pas (délai dépassé). Vérifiez le réseau et que le serveur fonctionne.</translation>
    </message>
    <message>
      <source>Régie cannot reach the PostgreSQL server {server}: that host name is unknown. Check the server's address.</source>
      <translation>Régie ne peut pas joindre le serveur PostgreSQL {server} : ce nom d’hôte est inconnu. Vérifiez l’adresse du serveur.</translation>
    </message>
    <message>
      <source>Régie cannot reach the PostgreSQL server {server}. Check that the server is running and that its address and port are right; the server's words are in the log.</source>
      <translation>Régie ne peut pas joindre le serveur PostgreSQL {server}. Vérifiez que le serveur fonctionne et que son adresse et son port sont justes ; les mots du serveur sont dans le journal.</translation>
    </message>
    <message>
      <source>This row has {found} cells but the header names {expected} columns: a cell holding the separator {separator} must be quoted.</source>
      <translation>Cette ligne a {found} cellules mais l’en-tête nomme {expected} colonnes : une cellule contenant le séparateur {separator} doit être entre guillemets.</translation>
    </message>
    <message>
      <source>Régie reads .xlsx workbooks and CSV files, not this format: save the sheet as "Excel workbook (.xlsx)" or as CSV and import that file.</source>
      <translation>Régie lit les classeurs .xlsx et les fichiers CSV, pas ce format : enregistrez la feuille en « Classeur Excel (.xlsx) » ou en CSV et importez ce fichier.</translation>
    </message>
    <message>
      <source>{value!r} cannot separate columns: give ; or , or tab.</source>
      <translation>{value!r} ne peut pas séparer les colonnes : donnez ; ou , ou tab.</translation>
    </message>
    <message>
      <source>Unknown text encoding {value!r}: try utf-8 or cp1252.</source>
      <translation>Encodage de texte inconnu {value!r} : essayez utf-8 ou cp1252.</translation>
    </message>
    <message>
      <source>This line cannot be read as {encoding} text: choose another encoding.</source>
      <translation>Cette ligne ne se lit pas comme du texte {encoding} : choisissez un autre encodage.</translation>
    </message>
    <message>
      <source>This is not a text file or an Excel workbook: export the sheet as CSV or .xlsx and import that file.</source>
      <translation>Ce n’est ni un fichier texte ni un classeur Excel : exportez la feuille en CSV ou en .xlsx et importez ce fichier.</translation>
    </message>
    <message>
      <source>This line is neither UTF-8 nor Windows-1252 text: save the file as "CSV UTF-8" and import it again.</source>
      <translation>Cette ligne n’est ni du texte UTF-8 ni du Windows-1252 : enregistrez le fichier en « CSV UTF-8 » et importez-le de nouveau.</translation>
    </message>
    <message>
      <source>The file is empty: it needs at least the header row.</source>
      <translation>Le fichier est vide : il lui faut au moins la ligne d’en-tête.</translation>
    </message>
    <message>
      <source>This row is not valid CSV: a quoted cell is not closed, or a quote stands inside a cell that is not quoted.</source>
      <translation>Cette ligne n’est pas du CSV valide : une cellule entre guillemets n’est pas refermée, ou un guillemet se trouve dans une cellule qui n’est pas entre guillemets.</translation>
    </message>
    <message>
      <source>This file cannot be read as an Excel workbook ({reason}): open it in the spreadsheet and save it again as "Excel workbook (.xlsx)".</source>
      <translation>Ce fichier ne se lit pas comme un classeur Excel ({reason}) : ouvrez-le dans le tableur et enregistrez-le de nouveau en « Classeur Excel (.xlsx) ».</translation>
    </message>
    <message>
      <source>The workbook has no sheet {sheet!r}; its sheets are {sheets}.</source>
      <translation>Le classeur n’a pas de feuille {sheet!r} ; ses feuilles sont {sheets}.</translation>
    </message>
    <message>
      <source>The sheet {sheet!r} is empty: it needs at least the header row.</source>
      <translation>La feuille {sheet!r} est vide : il lui faut au moins la ligne d’en-tête.</translation>
    </message>
    <message>
      <source>Régie exports to .csv or .xlsx files, not {name!r}: name the file something.csv or something.xlsx.</source>
      <translation>Régie exporte vers des fichiers .csv ou .xlsx, pas {name!r} : nommez le fichier quelquechose.csv ou quelquechose.xlsx.</translation>
    </message>
    <message>
      <source>This is the demo cooperative: its data is fictitious and yours is never mixed with it. Set up your own cooperative first (regie init, or File → Set up my cooperative…), then import into it. A preview still shows what it would do.</source>
      <translation>Ceci est la coopérative de démonstration : ses données sont fictives et les vôtres ne s’y mélangent jamais. Créez d’abord votre propre coopérative (regie init, ou Fichier → Configurer ma coopérative…), puis importez-y vos données. Un aperçu reste possible ici.</translation>
    </message>
    <message>
      <source>Régie has no column {key!r} here; its columns are {keys}.</source>
      <translation>Régie n’a pas de colonne {key!r} ici ; ses colonnes sont {keys}.</translation>
    </message>
    <message>
      <source>The file has no column {header!r}; its columns are {headers}.</source>
      <translation>Le fichier n’a pas de colonne {header!r} ; ses colonnes sont {headers}.</translation>
    </message>
    <message>
      <source>No column of the file gives the {label} ({key}): name it in the header, or map it to one of {headers}.</source>
      <translation>Aucune colonne du fichier ne donne : {label} ({key}) ; nommez-la dans l’en-tête, ou associez-la à l’une de ces colonnes : {headers}.</translation>
    </message>
    <message>
      <source>--map {value!r}: write it KEY=HEADER, e.g. name="Raison sociale".</source>
      <translation>--map {value!r} : écrivez-le CLÉ=EN-TÊTE, par exemple name="Raison sociale".</translation>
    </message>
    <message>
      <source>{value!r} is not a date (write it like 25/11/2026 or 2026-11-25).</source>
      <translation>{value!r} n’est pas une date (écrivez-la comme 25/11/2026 ou 2026-11-25).</translation>
    </message>
    <message>
      <source>{value!r} is not a value Régie knows here; write one of: {allowed}.</source>
      <translation>{value!r} n’est pas une valeur connue ici ; écrivez l’une de : {allowed}.</translation>
    </message>
    <message>
      <source>column {column!r}: {problem}</source>
      <translation>colonne {column!r} : {problem}</translation>
    </message>
    <message>
      <source>There is no Régie database at {where}.</source>
      <translation>Il n’y a pas de base Régie à {where}.</translation>
    </message>
    <message>
      <source>There is no folder {folder} for the database {path}.</source>
      <translation>Il n’y a pas de dossier {folder} pour la base {path}.</translation>
    </message>
    <message>
      <source>{target} holds other tables ({table}…) and is not a Régie database: copy into a new file or an empty database.</source>
      <translation>{target} contient d’autres tables ({table}…) et n’est pas une base Régie : copiez vers un nouveau fichier ou une base vide.</translation>
    </message>
    <message>
      <source>{target} already holds data ({table}: {count} rows): copy only into an empty database (a new file, or a database just created on the server).</source>
      <translation>{target} contient déjà des données ({table} : {count} lignes) : copiez seulement vers une base vide (un nouveau fichier, ou une base tout juste créée sur le serveur).</translation>
    </message>
    <message>
      <source>The two databases' tables differ (table {table}): open both with this Régie version first.</source>
      <translation>Les tables des deux bases diffèrent (table {table}) : ouvrez d’abord les deux avec cette version de Régie.</translation>
    </message>
    <message>
      <source>The copy of table {table} has {found} rows instead of {expected}: nothing was copied.</source>
      <translation>La copie de la table {table} a {found} lignes au lieu de {expected} : rien n’a été copié.</translation>
    </message>
    <message>
      <source>Unknown demo size {size!r}: choose small or large.</source>
      <translation>Taille de démo inconnue {size!r} : choisissez small ou large.</translation>
    </message>
    <message>
      <source>The catalogue is empty: build the demo catalogue before its bookings.</source>
      <translation>Le catalogue est vide : créez le catalogue de démonstration avant ses réservations.</translation>
    </message>
    <message>
      <source>The database already has {count} customers: the demo customers and bookings only go into a database without any.</source>
      <translation>La base contient déjà {count} clients : les clients et réservations de démonstration ne s’installent que dans une base qui n’en a aucun.</translation>
    </message>
    <message>
      <source>This database holds {name}'s own data: the demo cooperative goes into a file of its own (regie --db {path} demo).</source>
      <translation>Cette base contient les données propres de {name} : la coopérative de démonstration va dans un fichier à part (regie --db {path} demo).</translation>
    </message>
    <message>
      <source>The database already has {count} item types: the demo cooperative only goes into an empty catalogue.</source>
      <translation>La base contient déjà {count} types de matériel : la coopérative de démonstration ne s’installe que dans un catalogue vide.</translation>
    </message>
    <message>
      <source>Build the demo customers and bookings before the invoicing demo.</source>
      <translation>Créez les clients et réservations de démonstration avant la facturation de démonstration.</translation>
    </message>
    <message>
      <source>The database already has rates or invoices: the invoicing demo only goes into a database without any.</source>
      <translation>La base contient déjà des tarifs ou des factures : la facturation de démonstration ne s’installe que dans une base qui n’en a aucun.</translation>
    </message>
    <message>
      <source>Choose the customer from the list (type part of a name or number).</source>
      <translation>Choisissez le client dans la liste (tapez une partie de son nom ou de son numéro).</translation>
    </message>
    <message>
      <source>The {field} cannot be empty.</source>
      <translation>Le champ « {field} » ne peut pas être vide.</translation>
    </message>
    <message>
      <source>The printer refused the document: {reason}</source>
      <translation>L’imprimante a refusé le document : {reason}</translation>
    </message>
    <message>
      <source>{path} could not be written: {reason}</source>
      <translation>{path} n’a pas pu être écrit : {reason}</translation>
    </message>
    <message>
      <source>The scan was not saved: {reason}</source>
      <translation>Le scan n’a pas été enregistré : {reason}</translation>
    </message>
    <message>
      <source>Choose at least one line to credit.</source>
      <translation>Choisissez au moins une ligne à créditer.</translation>
    </message>
    <message>
      <source>The file {path} could not be written: {reason}.</source>
      <translation>Le fichier {path} n’a pas pu être écrit : {reason}.</translation>
    </message>
    <message>
      <source>There is no printer named {name}. Printers on this computer: {printers}.</source>
      <translation>Il n’y a pas d’imprimante nommée {name}. Imprimantes de cet ordinateur : {printers}.</translation>
    </message>
    <message>
      <source>There is no printer named {name}: no printer is set up on this computer.</source>
      <translation>Il n’y a pas d’imprimante nommée {name} : aucune imprimante n’est configurée sur cet ordinateur.</translation>
    </message>
    <message>
      <source>No default printer is set up on this computer: name one of {printers}.</source>
      <translation>Aucune imprimante par défaut n’est configurée sur cet ordinateur : nommez l’une de celles-ci : {printers}.</translation>
    </message>
    <message>
      <source>No printer is set up on this computer: add one in the system settings, or save the PDF and print it from another computer.</source>
      <translation>Aucune imprimante n’est configurée sur cet ordinateur : ajoutez-en une dans les paramètres du système, ou enregistrez le PDF et imprimez-le depuis un autre ordinateur.</translation>
    </message>
    <message>
      <source>The document to print is not a readable PDF.</source>
      <translation>Le document à imprimer n’est pas un PDF lisible.</translation>
    </message>
    <message>
      <source>The printer {printer} could not be opened: check it is on and connected.</source>
      <translation>L’imprimante {printer} n’a pas pu être ouverte : vérifiez qu’elle est allumée et connectée.</translation>
    </message>
    <message>
      <source>The printer {printer} stopped accepting pages.</source>
      <translation>L’imprimante {printer} n’accepte plus de pages.</translation>
    </message>
    <message>
      <source>The printer {printer} refused the document.</source>
      <translation>L’imprimante {printer} a refusé le document.</translation>
    </message>
    <message>
      <source>Printing failed: {reason}</source>
      <translation>L’impression a échoué : {reason}</translation>
    </message>
    <message>
      <source>line {line}: {problem}</source>
      <translation>ligne {line} : {problem}</translation>
    </message>
    <message>
      <source>The barcode is empty.</source>
      <translation>Le code-barres est vide.</translation>
    </message>
    <message>
      <source>The barcode has {length} characters; at most {limit} fit on a label.</source>
      <translation>Le code-barres compte {length} caractères ; une étiquette en accepte {limit} au plus.</translation>
    </message>
    <message>
      <source>The barcode {code!r} contains {chars}, which Code 128 labels cannot print: use letters, digits and punctuation without spaces or accents.</source>
      <translation>Le code-barres {code!r} contient {chars}, que les étiquettes Code 128 ne peuvent pas imprimer : utilisez des lettres, des chiffres et de la ponctuation, sans espaces ni accents.</translation>
    </message>
    <message>
      <source>{code} has the form of a booking reference; choose another code.</source>
      <translation>{code} a la forme d’une référence de réservation ; choisissez un autre code.</translation>
    </message>
    <message>
      <source>The barcode {code} is already used by {owner}.</source>
      <translation>Le code-barres {code} est déjà utilisé par {owner}.</translation>
    </message>
    <message>
      <source>No item type has the code {code}.</source>
      <translation>Aucun matériel n’a le code {code}.</translation>
    </message>
    <message>
      <source>This item type no longer exists.</source>
      <translation>Ce matériel n’existe plus.</translation>
    </message>
    <message>
      <source>The code {code} is already used by {name}.</source>
      <translation>Le code {code} est déjà utilisé par {name}.</translation>
    </message>
    <message>
      <source>A serialized type counts its units; a stock quantity is only for bulk types.</source>
      <translation>Un matériel suivi à l’unité se compte par ses unités ; une quantité en stock ne concerne que le matériel en vrac.</translation>
    </message>
    <message>
      <source>Consumables are counted in bulk, not by unit.</source>
      <translation>Les consommables se comptent en vrac, pas à l’unité.</translation>
    </message>
    <message>
      <source>{name} has units; retire or move them before making it a bulk type.</source>
      <translation>{name} a des unités : réformez-les ou déplacez-les avant de le passer en vrac.</translation>
    </message>
    <message>
      <source>{name} is booked or out on {bookings}: it can change between bulk and serialized once they are returned or cancelled.</source>
      <translation>{name} est réservé ou sorti sur {bookings} : il pourra passer entre vrac et sérialisé une fois celles-ci retournées ou annulées.</translation>
    </message>
    <message>
      <source>{name} still counts {quantity} in bulk stock: set its stock quantity to 0 first, then add its units, each with its own barcode (its barcode {barcode} then no longer names it).</source>
      <translation>{name} compte encore {quantity} en stock vrac : mettez d'abord sa quantité en stock à 0, puis ajoutez ses unités, chacune avec son code-barres (son code-barres {barcode} ne le désignera alors plus).</translation>
    </message>
    <message>
      <source>The tracking of {name} can only change where its bookings are checked.</source>
      <translation>Le suivi de {name} ne peut changer que là où ses réservations sont vérifiées.</translation>
    </message>
    <message>
      <source>{name} is a bulk type: change its stock quantity instead of adding units.</source>
      <translation>{name} est géré en vrac : modifiez sa quantité en stock au lieu d’ajouter des unités.</translation>
    </message>
    <message>
      <source>This unit no longer exists.</source>
      <translation>Cette unité n’existe plus.</translation>
    </message>
    <message>
      <source>No unit has the barcode {code}.</source>
      <translation>Aucune unité n’a le code-barres {code}.</translation>
    </message>
    <message>
      <source>{code} is already {status}.</source>
      <translation>{code} est déjà à l’état « {status} ».</translation>
    </message>
    <message>
      <source>This kit no longer exists.</source>
      <translation>Ce kit n’existe plus.</translation>
    </message>
    <message>
      <source>The kit code {code} is already used.</source>
      <translation>Le code de kit {code} est déjà utilisé.</translation>
    </message>
    <message>
      <source>A kit needs at least one item type.</source>
      <translation>Un kit doit contenir au moins un matériel.</translation>
    </message>
    <message>
      <source>No case has the barcode {code}.</source>
      <translation>Aucun flight-case n’a le code-barres {code}.</translation>
    </message>
    <message>
      <source>{code} is already in {case}.</source>
      <translation>{code} est déjà dans {case}.</translation>
    </message>
    <message>
      <source>{code} is in {case}: take it out first.</source>
      <translation>{code} est dans {case} : sortez-le d’abord.</translation>
    </message>
    <message>
      <source>{code} is {status}: only units in service go in a case.</source>
      <translation>{code} est à l’état « {status} » : seules les unités en service vont dans un flight-case.</translation>
    </message>
    <message>
      <source>{code} is not in a case.</source>
      <translation>{code} n’est dans aucun flight-case.</translation>
    </message>
    <message>
      <source>Record (type or unit)</source>
      <translation>Enregistrement (type ou unité)</translation>
    </message>
    <message>
      <source>Type code</source>
      <translation>Code du type</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>Nom</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Catégorie</translation>
    </message>
    <message>
      <source>Tracking</source>
      <translation>Suivi</translation>
    </message>
    <message>
      <source>Manufacturer</source>
      <translation>Fabricant</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>Modèle</translation>
    </message>
    <message>
      <source>Replacement value</source>
      <translation>Valeur de remplacement</translation>
    </message>
    <message>
      <source>Weight (grams)</source>
      <translation>Poids (grammes)</translation>
    </message>
    <message>
      <source>Stock quantity</source>
      <translation>Quantité en stock</translation>
    </message>
    <message>
      <source>Sale price</source>
      <translation>Prix de vente</translation>
    </message>
    <message>
      <source>Preparation hours</source>
      <translation>Heures de préparation</translation>
    </message>
    <message>
      <source>De-preparation hours</source>
      <translation>Heures de rangement</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Item code of the unit</source>
      <translation>Code du type de l’unité</translation>
    </message>
    <message>
      <source>Barcode</source>
      <translation>Code-barres</translation>
    </message>
    <message>
      <source>Serial number</source>
      <translation>Numéro de série</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>État</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>Emplacement</translation>
    </message>
    <message>
      <source>Purchase date</source>
      <translation>Date d’achat</translation>
    </message>
    <message>
      <source>Purchase price</source>
      <translation>Prix d’achat</translation>
    </message>
    <message>
      <source>Condition notes</source>
      <translation>Notes d’état</translation>
    </message>
    <message>
      <source>Serialized</source>
      <translation>Unités suivies</translation>
    </message>
    <message>
      <source>Bulk</source>
      <translation>En vrac</translation>
    </message>
    <message>
      <source>The first line must be the header row naming the columns.</source>
      <translation>La première ligne doit être la ligne d’en-tête qui nomme les colonnes.</translation>
    </message>
    <message>
      <source>The header lacks the columns {columns}.</source>
      <translation>Il manque à l’en-tête les colonnes {columns}.</translation>
    </message>
    <message>
      <source>The header has unknown columns {columns}; the columns are {expected}.</source>
      <translation>L’en-tête contient des colonnes inconnues {columns} ; les colonnes sont {expected}.</translation>
    </message>
    <message>
      <source>The header names {columns} more than once.</source>
      <translation>L’en-tête nomme {columns} plus d’une fois.</translation>
    </message>
    <message>
      <source>This row has {found} columns; expected {expected}.</source>
      <translation>Cette ligne a {found} colonnes ; il en faut {expected}.</translation>
    </message>
    <message>
      <source>Unknown record kind {value!r}: expected type or unit.</source>
      <translation>Genre de ligne {value!r} inconnu : attendu type ou unit.</translation>
    </message>
    <message>
      <source>The code {code} appears more than once in the file (first on line {first}).</source>
      <translation>Le code {code} figure plus d’une fois dans le fichier (d’abord à la ligne {first}).</translation>
    </message>
    <message>
      <source>Only a bulk type has a barcode of its own; put the barcodes of a serialized type on its unit rows.</source>
      <translation>Seul un type en vrac a son propre code-barres ; mettez les codes-barres d’un type suivi à l’unité sur les lignes de ses unités.</translation>
    </message>
    <message>
      <source>unit of {code}</source>
      <translation>unité de {code}</translation>
    </message>
    <message>
      <source>The unit {barcode} is of type {actual}, not {code}: a unit cannot change type.</source>
      <translation>L’unité {barcode} est du type {actual}, pas {code} : une unité ne peut pas changer de type.</translation>
    </message>
    <message>
      <source>The item type {code} is defined later, on line {first}: put each type before its units.</source>
      <translation>Le type de matériel {code} est défini plus loin, à la ligne {first} : placez chaque type avant ses unités.</translation>
    </message>
    <message>
      <source>The item type {code} (line {first}) was refused: correct that line first.</source>
      <translation>Le type de matériel {code} (ligne {first}) a été refusé : corrigez d’abord cette ligne.</translation>
    </message>
    <message>
      <source>The barcode {code} appears more than once in the file (first on line {first}).</source>
      <translation>Le code-barres {code} figure plus d’une fois dans le fichier (d’abord à la ligne {first}).</translation>
    </message>
    <message>
      <source>changed: {columns}</source>
      <translation>modifié : {columns}</translation>
    </message>
    <message>
      <source>The columns {columns} are for unit rows; leave them empty on a type row.</source>
      <translation>Les colonnes {columns} sont pour les lignes d’unité ; laissez-les vides sur une ligne de type.</translation>
    </message>
    <message>
      <source>The columns {columns} are for type rows; leave them empty on a unit row.</source>
      <translation>Les colonnes {columns} sont pour les lignes de type ; laissez-les vides sur une ligne d’unité.</translation>
    </message>
    <message>
      <source>The {field} is too long ({length} characters, at most {limit}).</source>
      <translation>Le champ « {field} » est trop long ({length} caractères, {limit} au plus).</translation>
    </message>
    <message>
      <source>The {field} is too large.</source>
      <translation>Le champ « {field} » est trop grand.</translation>
    </message>
    <message>
      <source>{value!r} is not a whole number.</source>
      <translation>{value!r} n’est pas un nombre entier.</translation>
    </message>
    <message>
      <source>The {field} must be at least {minimum}.</source>
      <translation>Le champ « {field} » doit valoir au moins {minimum}.</translation>
    </message>
    <message>
      <source>The {field} must be at most {maximum}.</source>
      <translation>Le champ « {field} » doit valoir au plus {maximum}.</translation>
    </message>
    <message>
      <source>{value} is not a plausible date: the year must be between {first} and {last}.</source>
      <translation>{value} n’est pas une date plausible : l’année doit être comprise entre {first} et {last}.</translation>
    </message>
    <message>
      <source>{value!r} is not a date (write it 2026-03-31 or 31/03/2026).</source>
      <translation>{value!r} n’est pas une date (écrivez 31/03/2026 ou 2026-03-31).</translation>
    </message>
    <message>
      <source>Unknown {field} {value!r}: expected one of {allowed}.</source>
      <translation>Valeur inconnue pour « {field} » : {value!r} ; valeurs possibles : {allowed}.</translation>
    </message>
    <message>
      <source>No unit, item type or case has the code {code}.</source>
      <translation>Aucune unité, aucun type de matériel ni aucun flight-case n’a le code {code}.</translation>
    </message>
    <message>
      <source>{name} ({code}) has no units to label: add units first.</source>
      <translation>{name} ({code}) n’a aucune unité à étiqueter : ajoutez d’abord des unités.</translation>
    </message>
    <message>
      <source>The code {code} is too long to print readably on a {format} label: give it a shorter code.</source>
      <translation>Le code {code} est trop long pour être imprimé lisiblement sur une étiquette {format} : donnez-lui un code plus court.</translation>
    </message>
    <message>
      <source>Unknown label format {format}: use one of {formats}.</source>
      <translation>Format d’étiquette inconnu {format} : choisissez parmi {formats}.</translation>
    </message>
    <message>
      <source>There are no labels to print.</source>
      <translation>Il n’y a aucune étiquette à imprimer.</translation>
    </message>
    <message>
      <source>This inspection schedule no longer exists.</source>
      <translation>Ce contrôle périodique n’existe plus.</translation>
    </message>
    <message>
      <source>An inspection cannot be dated in the future.</source>
      <translation>Un contrôle ne peut pas être daté dans le futur.</translation>
    </message>
    <message>
      <source>This schedule does not apply to {code}.</source>
      <translation>Ce contrôle ne concerne pas {code}.</translation>
    </message>
    <message>
      <source>Lighting</source>
      <translation>Lumière</translation>
    </message>
    <message>
      <source>Sound</source>
      <translation>Son</translation>
    </message>
    <message>
      <source>Video</source>
      <translation>Vidéo</translation>
    </message>
    <message>
      <source>Power &amp; distribution</source>
      <translation>Énergie et distribution</translation>
    </message>
    <message>
      <source>Rigging &amp; structure</source>
      <translation>Levage et structure</translation>
    </message>
    <message>
      <source>Staging</source>
      <translation>Plateau</translation>
    </message>
    <message>
      <source>Cables &amp; adaptors</source>
      <translation>Câbles et adaptateurs</translation>
    </message>
    <message>
      <source>Consumables</source>
      <translation>Consommables</translation>
    </message>
    <message>
      <source>In service</source>
      <translation>En service</translation>
    </message>
    <message>
      <source>In repair</source>
      <translation>En réparation</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>Perdu</translation>
    </message>
    <message>
      <source>Retired</source>
      <translation>Réformé</translation>
    </message>
    <message>
      <source>This image is too large (at most 40 MB).</source>
      <translation>Cette image est trop volumineuse (40 Mo au plus).</translation>
    </message>
    <message>
      <source>This file is not an image that can be read.</source>
      <translation>Ce fichier n’est pas une image lisible.</translation>
    </message>
    <message>
      <source>{name} ({code}): {missing} missing on {at}; requested {requested}, serviceable {serviceable}, already held {reserved} by {holders}</source>
      <translation>{name} ({code}) : il en manque {missing} le {at} ; demandé {requested}, disponible au parc {serviceable}, déjà retenu {reserved} par {holders}</translation>
    </message>
    <message>
      <source>Not enough stock; nothing was changed:</source>
      <translation>Stock insuffisant ; rien n’a été modifié :</translation>
    </message>
    <message>
      <source>{value!r} is not a date and time (write it 2027-03-05T09:00).</source>
      <translation>{value!r} n’est pas une date et une heure (écrivez 05/03/2027 09:00 ou 2027-03-05T09:00).</translation>
    </message>
    <message>
      <source>No booking has the reference {ref}.</source>
      <translation>Aucune réservation n’a la référence {ref}.</translation>
    </message>
    <message>
      <source>A booking lasts at most {years} years: check the return date ({end}).</source>
      <translation>Une réservation dure au plus {years} ans : vérifiez la date de retour ({end}).</translation>
    </message>
    <message>
      <source>The return ({end}) must come after the pick-up ({start}).</source>
      <translation>Le retour ({end}) doit suivre le départ ({start}).</translation>
    </message>
    <message>
      <source>The usage period must end after it starts.</source>
      <translation>La période d’utilisation doit finir après son début.</translation>
    </message>
    <message>
      <source>The days of use must fall within the planned period (pick-up to return).</source>
      <translation>Les jours d’utilisation doivent être compris dans la période prévue (du départ au retour).</translation>
    </message>
    <message>
      <source>A confirmed booking needs at least one line.</source>
      <translation>Une réservation confirmée doit avoir au moins une ligne.</translation>
    </message>
    <message>
      <source>Booking {ref} is {status}: it can no longer be changed.</source>
      <translation>La réservation {ref} est à l’état « {status} » : elle ne peut plus être modifiée.</translation>
    </message>
    <message>
      <source>Booking {ref} is {current}: it cannot become {status}.</source>
      <translation>La réservation {ref} est à l’état « {current} » : elle ne peut pas passer à « {status} ».</translation>
    </message>
    <message>
      <source>Booking {ref} has no lines to confirm.</source>
      <translation>La réservation {ref} n’a aucune ligne à confirmer.</translation>
    </message>
    <message>
      <source>{value} is not a country code: give the ISO 3166 two-letter code (FR, BE, DE, CH…).</source>
      <translation>{value} n’est pas un code de pays : donnez le code ISO 3166 à deux lettres (FR, BE, DE, CH…).</translation>
    </message>
    <message>
      <source>The SIRET {value} is not valid: check its 14 digits.</source>
      <translation>Le SIRET {value} n’est pas valide : vérifiez ses 14 chiffres.</translation>
    </message>
    <message>
      <source>The SIREN {value} is not valid: check its 9 digits.</source>
      <translation>Le SIREN {value} n’est pas valide : vérifiez ses 9 chiffres.</translation>
    </message>
    <message>
      <source>The VAT number {value} is not a valid intra-EU VAT number.</source>
      <translation>Le numéro de TVA {value} n’est pas un numéro de TVA intracommunautaire valide.</translation>
    </message>
    <message>
      <source>The VAT number {value} does not match the country {country}: a VAT number of {country} starts with {prefix}.</source>
      <translation>Le numéro de TVA {value} ne correspond pas au pays {country} : un numéro de TVA de {country} commence par {prefix}.</translation>
    </message>
    <message>
      <source>The VAT number {value} is not a valid VAT number of {country}: it starts with {country}, e.g. {example}.</source>
      <translation>Le numéro de TVA {value} n'est pas un numéro de TVA valide de {country} : il commence par {country}, par exemple {example}.</translation>
    </message>
    <message>
      <source>The VAT number {value} is not a valid Swiss number: write the UID as CHE-123.456.788, with or without MWST, TVA or IVA after it, and check its digits.</source>
      <translation>Le numéro de TVA {value} n'est pas un numéro suisse valide : écrivez l'IDE sous la forme CHE-123.456.788, suivi ou non de MWST, TVA ou IVA, et vérifiez ses chiffres.</translation>
    </message>
    <message>
      <source>A {field} is French: a customer in {country} has none (leave it empty, or set the country to FR).</source>
      <translation>Le {field} est français : un client établi en {country} n’en a pas (laissez-le vide, ou mettez le pays FR).</translation>
    </message>
    <message>
      <source>The SIRET {siret} does not start with the SIREN {siren}.</source>
      <translation>Le SIRET {siret} ne commence pas par le SIREN {siren}.</translation>
    </message>
    <message>
      <source>A person has no SIRET: leave it empty, or change its kind or category.</source>
      <translation>Un particulier n'a pas de SIRET : laissez-le vide, ou changez son type ou sa catégorie.</translation>
    </message>
    <message>
      <source>A person has no SIREN: leave it empty, or change its kind or category.</source>
      <translation>Un particulier n'a pas de SIREN : laissez-le vide, ou changez son type ou sa catégorie.</translation>
    </message>
    <message>
      <source>A person has no VAT number: leave it empty, or change its kind or category.</source>
      <translation>Un particulier n'a pas de numéro de TVA : laissez-le vide, ou changez son type ou sa catégorie.</translation>
    </message>
    <message>
      <source>A person is not a public buyer: make the customer an organisation.</source>
      <translation>Un particulier n'est pas un acheteur public : faites du client une organisation.</translation>
    </message>
    <message>
      <source>A French public buyer needs its SIRET: Chorus Pro identifies the buyer by it.</source>
      <translation>Un acheteur public français doit avoir son SIRET : Chorus Pro identifie l'acheteur par lui.</translation>
    </message>
    <message>
      <source>Only a public buyer has a Chorus Pro service code: leave it empty, or make the customer a public buyer.</source>
      <translation>Seul un acheteur public a un code service Chorus Pro : laissez-le vide, ou faites du client un acheteur public.</translation>
    </message>
    <message>
      <source>{value!r} is not an e-mail address.</source>
      <translation>{value!r} n’est pas une adresse électronique.</translation>
    </message>
    <message>
      <source>No customer has the number {number}.</source>
      <translation>Aucun client n’a le numéro {number}.</translation>
    </message>
    <message>
      <source>This customer no longer exists.</source>
      <translation>Ce client n’existe plus.</translation>
    </message>
    <message>
      <source>The customer number {number} is already used by {name}.</source>
      <translation>Le numéro client {number} est déjà utilisé par {name}.</translation>
    </message>
    <message>
      <source>The SIRET {siret} is already {name}'s ({number}): a SIRET names one establishment (two customers of one body share the SIREN, not the SIRET).</source>
      <translation>Le SIRET {siret} est déjà celui de {name} ({number}) : un SIRET désigne un seul établissement (deux clients d'un même organisme partagent le SIREN, pas le SIRET).</translation>
    </message>
    <message>
      <source>A membership cannot end before it starts.</source>
      <translation>Une adhésion ne peut pas finir avant de commencer.</translation>
    </message>
    <message>
      <source>The member number {number} is already used by {name}.</source>
      <translation>Le numéro de sociétaire {number} est déjà utilisé par {name}.</translation>
    </message>
    <message>
      <source>This membership overlaps membership {number} ({start} – {end}).</source>
      <translation>Cette adhésion chevauche l’adhésion {number} ({start} – {end}).</translation>
    </message>
    <message>
      <source>Customer number</source>
      <translation>Numéro client</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Nature</translation>
    </message>
    <message>
      <source>Email</source>
      <translation>Courriel</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>Téléphone</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>Adresse</translation>
    </message>
    <message>
      <source>Postcode</source>
      <translation>Code postal</translation>
    </message>
    <message>
      <source>City</source>
      <translation>Ville</translation>
    </message>
    <message>
      <source>Country</source>
      <translation>Pays</translation>
    </message>
    <message>
      <source>SIREN</source>
      <translation>SIREN</translation>
    </message>
    <message>
      <source>SIRET</source>
      <translation>SIRET</translation>
    </message>
    <message>
      <source>VAT number</source>
      <translation>Numéro de TVA</translation>
    </message>
    <message>
      <source>Public buyer</source>
      <translation>Acheteur public</translation>
    </message>
    <message>
      <source>Service code</source>
      <translation>Code service</translation>
    </message>
    <message>
      <source>Member number</source>
      <translation>Numéro de sociétaire</translation>
    </message>
    <message>
      <source>Membership from</source>
      <translation>Adhésion du</translation>
    </message>
    <message>
      <source>Membership to</source>
      <translation>Adhésion au</translation>
    </message>
    <message>
      <source>First name (put before the name)</source>
      <translation>Prénom (placé avant le nom)</translation>
    </message>
    <message>
      <source>Organisation</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Person</source>
      <translation>Personne</translation>
    </message>
    <message>
      <source>Several customers are named {name}: give the customer number in the file to say which one this row is about.</source>
      <translation>Plusieurs clients s’appellent {name} : donnez le numéro client dans le fichier pour dire de quel client parle cette ligne.</translation>
    </message>
    <message>
      <source>A membership needs its member number.</source>
      <translation>Une adhésion a besoin de son numéro d’adhérent.</translation>
    </message>
    <message>
      <source>A membership needs its first day.</source>
      <translation>Une adhésion a besoin de son premier jour.</translation>
    </message>
    <message>
      <source>membership {number} added</source>
      <translation>adhésion {number} ajoutée</translation>
    </message>
    <message>
      <source>membership {number} changed</source>
      <translation>adhésion {number} modifiée</translation>
    </message>
    <message>
      <source>{value!r} is not yes or no (leave it empty for no).</source>
      <translation>{value!r} n’est ni oui ni non (laissez vide pour non).</translation>
    </message>
    <message>
      <source>This row and line {first} describe the same customer but differ in {columns}: a customer's columns must be the same on each of its rows.</source>
      <translation>Cette ligne et la ligne {first} décrivent le même client mais diffèrent par {columns} : les colonnes d’un client doivent être les mêmes sur chacune de ses lignes.</translation>
    </message>
    <message>
      <source>The scan was empty.</source>
      <translation>Le scan était vide.</translation>
    </message>
    <message>
      <source>Booking {ref} is {status}: confirm it before checking kit out.</source>
      <translation>La réservation {ref} est à l’état « {status} » : confirmez-la avant de sortir du matériel.</translation>
    </message>
    <message>
      <source>Unknown code {code}: no unit, case or bulk item has it.</source>
      <translation>Code inconnu {code} : aucune unité, aucun flight-case ni matériel en vrac ne le porte.</translation>
    </message>
    <message>
      <source>{code} is a booking: finish {ref} first.</source>
      <translation>{code} est une réservation : terminez d’abord {ref}.</translation>
    </message>
    <message>
      <source>Case {code} is empty.</source>
      <translation>Le flight-case {code} est vide.</translation>
    </message>
    <message>
      <source>{code} is in repair: choose another unit.</source>
      <translation>{code} est en réparation : prenez une autre unité.</translation>
    </message>
    <message>
      <source>{code} is declared {status}: it cannot leave.</source>
      <translation>{code} est déclaré « {status} » : il ne peut pas sortir.</translation>
    </message>
    <message>
      <source>{code} was already scanned out for {ref}.</source>
      <translation>{code} a déjà été scanné en sortie pour {ref}.</translation>
    </message>
    <message>
      <source>{code} is already out on {other}.</source>
      <translation>{code} est déjà sorti sur {other}.</translation>
    </message>
    <message>
      <source>{code}'s inspection was due on {due}: inspect it before it leaves.</source>
      <translation>Le contrôle de {code} était dû le {due} : contrôlez-le avant qu’il sorte.</translation>
    </message>
    <message>
      <source>The quantity must be at least 1.</source>
      <translation>La quantité doit valoir au moins 1.</translation>
    </message>
    <message>
      <source>{name} is not on {ref}: add it as an unplanned item or substitute it for a booked type.</source>
      <translation>{name} n’est pas sur {ref} : ajoutez-le hors prévision ou substituez-le à un matériel réservé.</translation>
    </message>
    <message numerus="yes">
      <source>{name}: nothing is left to go out ({count} booked piece(s), all out).</source>
      <translation>
        <numerusform>{name} : plus rien à sortir ({count} pièce réservée, déjà sortie).</numerusform>
        <numerusform>{name} : plus rien à sortir ({count} pièces réservées, toutes sorties).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Only {count} piece(s) of {name} left to go out on {ref}: scan *{count}.</source>
      <translation>
        <numerusform>Il ne reste que {count} pièce de {name} à sortir sur {ref} : scannez *{count}.</numerusform>
        <numerusform>Il ne reste que {count} pièces de {name} à sortir sur {ref} : scannez *{count}.</numerusform>
      </translation>
    </message>
    <message>
      <source>{name} {left} / {wanted}</source>
      <translation>{name} {left} / {wanted}</translation>
    </message>
    <message>
      <source>There is no scan to undo.</source>
      <translation>Il n’y a aucun scan à annuler.</translation>
    </message>
    <message>
      <source>Scan of {code} undone.</source>
      <translation>Scan de {code} annulé.</translation>
    </message>
    <message>
      <source>Nothing of {name} is left to substitute.</source>
      <translation>Il ne reste rien de {name} à substituer.</translation>
    </message>
    <message>
      <source>{code} is a booking, not an item.</source>
      <translation>{code} est une réservation, pas un matériel.</translation>
    </message>
    <message>
      <source>Nothing in case {code} is out.</source>
      <translation>Rien du flight-case {code} n’est sorti.</translation>
    </message>
    <message>
      <source>{code} is not out: nothing to check in.</source>
      <translation>{code} n’est pas sorti : rien à rentrer.</translation>
    </message>
    <message>
      <source>No {name} is out.</source>
      <translation>Aucun {name} n’est sorti.</translation>
    </message>
    <message>
      <source>Only {count} {name} are out on {ref}.</source>
      <translation>Seulement {count} {name} sont sortis sur {ref}.</translation>
    </message>
    <message>
      <source>{name} back {back} / {left} (late: due {due})</source>
      <translation>{name} rentré {back} / {left} (en retard : attendu le {due})</translation>
    </message>
    <message>
      <source>{name} back {back} / {left}</source>
      <translation>{name} rentré {back} / {left}</translation>
    </message>
    <message>
      <source>{code} is not a booking: scan the reference on the pick list first, or choose a departure.</source>
      <translation>{code} n’est pas une réservation : scannez d’abord la référence sur la liste de préparation, ou choisissez un départ.</translation>
    </message>
    <message>
      <source>Accepted</source>
      <translation>Accepté</translation>
    </message>
    <message>
      <source>Unknown code</source>
      <translation>Code inconnu</translation>
    </message>
    <message>
      <source>Not on this booking</source>
      <translation>Pas sur cette réservation</translation>
    </message>
    <message>
      <source>More than booked</source>
      <translation>Plus que réservé</translation>
    </message>
    <message>
      <source>Already out</source>
      <translation>Déjà sorti</translation>
    </message>
    <message>
      <source>Scanned twice</source>
      <translation>Scanné deux fois</translation>
    </message>
    <message>
      <source>Inspection overdue</source>
      <translation>Contrôle en retard</translation>
    </message>
    <message>
      <source>Lost or retired</source>
      <translation>Perdu ou réformé</translation>
    </message>
    <message>
      <source>Not out</source>
      <translation>Pas sorti</translation>
    </message>
    <message>
      <source>Booking not ready</source>
      <translation>Réservation pas prête</translation>
    </message>
    <message>
      <source>Invalid scan</source>
      <translation>Scan invalide</translation>
    </message>
    <message>
      <source>Saved.</source>
      <translation>Enregistré.</translation>
    </message>
    <message>
      <source>Nothing in the catalogue matches {text}.</source>
      <translation>Rien dans le catalogue ne correspond à {text}.</translation>
    </message>
    <message>
      <source>{count} item types match {text}: choose one from the list.</source>
      <translation>{count} types de matériel correspondent à {text} : choisissez-en un dans la liste.</translation>
    </message>
    <message>
      <source>The kit {code} is empty.</source>
      <translation>Le kit {code} est vide.</translation>
    </message>
    <message>
      <source>Association</source>
      <translation>Association</translation>
    </message>
    <message>
      <source>Company</source>
      <translation>Entreprise</translation>
    </message>
    <message>
      <source>Commune</source>
      <translation>Commune</translation>
    </message>
    <message>
      <source>Venue</source>
      <translation>Lieu de diffusion</translation>
    </message>
    <message>
      <source>Individual</source>
      <translation>Particulier</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>Devis</translation>
    </message>
    <message>
      <source>Confirmed</source>
      <translation>Confirmée</translation>
    </message>
    <message>
      <source>Out</source>
      <translation>Sortie</translation>
    </message>
    <message>
      <source>Returned</source>
      <translation>Rentrée</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>Clôturée</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>Annulée</translation>
    </message>
    <message>
      <source>This booking no longer exists.</source>
      <translation>Cette réservation n’existe plus.</translation>
    </message>
    <message>
      <source>{count} {name} ({code}) are due for inspection by {date}: inspect them before pick-up.</source>
      <translation>{count} {name} ({code}) doivent être vérifiés avant le {date} : vérifiez-les avant la sortie.</translation>
    </message>
    <message>
      <source>Customers</source>
      <translation>Clients</translation>
    </message>
    <message>
      <source>Rentals (services)</source>
      <translation>Locations (prestations de services)</translation>
    </message>
    <message>
      <source>Rentals to EU businesses (reverse charge)</source>
      <translation>Locations aux entreprises de l’UE (autoliquidation)</translation>
    </message>
    <message>
      <source>Rentals to businesses outside the EU</source>
      <translation>Locations aux entreprises hors UE</translation>
    </message>
    <message>
      <source>Rentals exempt from VAT</source>
      <translation>Locations exonérées de TVA</translation>
    </message>
    <message>
      <source>Consumables sold</source>
      <translation>Consommables vendus</translation>
    </message>
    <message>
      <source>Consumables to EU businesses (intra-EU supply)</source>
      <translation>Consommables aux entreprises de l’UE (livraison intracommunautaire)</translation>
    </message>
    <message>
      <source>Consumables exported outside the EU</source>
      <translation>Consommables exportés hors UE</translation>
    </message>
    <message>
      <source>Consumables exempt from VAT</source>
      <translation>Consommables exonérés de TVA</translation>
    </message>
    <message>
      <source>Damage and loss</source>
      <translation>Casse et perte</translation>
    </message>
    <message>
      <source>VAT collected (other rates)</source>
      <translation>TVA collectée (autres taux)</translation>
    </message>
    <message>
      <source>VAT collected at {rate}</source>
      <translation>TVA collectée à {rate}</translation>
    </message>
    <message>
      <source>Bank</source>
      <translation>Banque</translation>
    </message>
    <message>
      <source>Cash</source>
      <translation>Espèces</translation>
    </message>
    <message>
      <source>Deposits received</source>
      <translation>Cautions reçues</translation>
    </message>
    <message>
      <source>Sales journal</source>
      <translation>Journal des ventes</translation>
    </message>
    <message>
      <source>Bank journal</source>
      <translation>Journal de banque</translation>
    </message>
    <message>
      <source>Cash journal</source>
      <translation>Journal de caisse</translation>
    </message>
    <message>
      <source>Other operations</source>
      <translation>Opérations diverses</translation>
    </message>
    <message>
      <source>Unknown account setting {key}.</source>
      <translation>Réglage de compte inconnu : {key}.</translation>
    </message>
    <message>
      <source>{value!r} is not a journal code (1 to 8 letters or digits).</source>
      <translation>{value!r} n’est pas un code journal (1 à 8 lettres ou chiffres).</translation>
    </message>
    <message>
      <source>{value!r} is not an account number (a digit, then up to 19 letters or digits).</source>
      <translation>{value!r} n’est pas un numéro de compte (un chiffre, puis jusqu’à 19 lettres ou chiffres).</translation>
    </message>
    <message>
      <source>{value!r} is not an account label (one line, 1 to 100 characters).</source>
      <translation>{value!r} n’est pas un libellé de compte (une ligne, de 1 à 100 caractères).</translation>
    </message>
    <message>
      <source>Unknown customer account mode {value!r}.</source>
      <translation>Mode de compte client inconnu : {value!r}.</translation>
    </message>
    <message>
      <source>{number} does not balance in the accounts: total {gross} and lines plus VAT differ; nothing was written.</source>
      <translation>{number} n’est pas équilibrée en comptabilité : le total {gross} diffère des lignes plus la TVA ; rien n’a été écrit.</translation>
    </message>
    <message>
      <source>The period ends ({end}) before it starts ({start}).</source>
      <translation>La période se termine ({end}) avant de commencer ({start}).</translation>
    </message>
    <message>
      <source>Unknown format {value!r}: expected fec or csv.</source>
      <translation>Format inconnu {value!r} : fec ou csv attendu.</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>Brouillon</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>Émise</translation>
    </message>
    <message>
      <source>Paid</source>
      <translation>Payée</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>En retard</translation>
    </message>
    <message>
      <source>Refund due</source>
      <translation>À rembourser</translation>
    </message>
    <message>
      <source>Booking {ref} is invoiced ({invoices}, {amount} not credited): cancelling it needs the credit note of what remains.</source>
      <translation>La réservation {ref} est facturée ({invoices}, {amount} non crédités) : l’annuler demande l’avoir de ce qui reste.</translation>
    </message>
    <message>
      <source>Booking {ref} has no invoice left to credit any more: cancel it again.</source>
      <translation>La réservation {ref} n’a plus de facture à créditer : annulez-la à nouveau.</translation>
    </message>
    <message>
      <source>No day rate is set for {name} ({code}): set its rates before quoting or invoicing.</source>
      <translation>Aucun tarif journalier n’est défini pour {name} ({code}) : saisissez ses tarifs avant de faire un devis ou une facture.</translation>
    </message>
    <message>
      <source>A damage charge must be more than zero.</source>
      <translation>Un montant de dommage doit être supérieur à zéro.</translation>
    </message>
    <message>
      <source>No piece of {name} ({code}) came back damaged on {ref}: a damage charge is recorded once a piece is checked in damaged.</source>
      <translation>Aucune pièce de {name} ({code}) n’est revenue abîmée sur {ref} : des frais de casse s’enregistrent une fois une pièce rentrée abîmée.</translation>
    </message>
    <message>
      <source>{name} ({code}): {damaged} came back damaged on {ref} and {charged} are already charged.</source>
      <translation>{name} ({code}) : {damaged} revenu(s) endommagé(s) sur {ref} et {charged} déjà facturé(s).</translation>
    </message>
    <message>
      <source>No item type or unit has the code {code}.</source>
      <translation>Aucun type d’article ni aucune unité n’a le code {code}.</translation>
    </message>
    <message>
      <source>{name} ({code}) is not on booking {ref}.</source>
      <translation>{name} ({code}) ne figure pas sur la réservation {ref}.</translation>
    </message>
    <message>
      <source>Line {position} of invoice {number} has no whole quantity: credit an amount of it instead.</source>
      <translation>La ligne {position} de la facture {number} n’a pas une quantité entière : créditez-en plutôt un montant.</translation>
    </message>
    <message>
      <source>The amount to credit must be more than zero.</source>
      <translation>Le montant à créditer doit être supérieur à zéro.</translation>
    </message>
    <message>
      <source>Invoice {number} has no line {position}.</source>
      <translation>La facture {number} n’a pas de ligne {position}.</translation>
    </message>
    <message>
      <source>Line {position}: give a quantity or an amount to credit, not both.</source>
      <translation>Ligne {position} : donnez une quantité ou un montant à créditer, pas les deux.</translation>
    </message>
    <message>
      <source>Line {position} is named twice.</source>
      <translation>La ligne {position} est nommée deux fois.</translation>
    </message>
    <message>
      <source>Line {position} of invoice {number} is already fully credited.</source>
      <translation>La ligne {position} de la facture {number} est déjà entièrement créditée.</translation>
    </message>
    <message numerus="yes">
      <source>Line {position} of invoice {number}: {count} unit(s) left to credit of its {total}; {asked} asked.</source>
      <translation>
        <numerusform>Ligne {position} de la facture {number} : il reste {count} unité à créditer sur {total} ; demandé : {asked}.</numerusform>
        <numerusform>Ligne {position} de la facture {number} : il reste {count} unités à créditer sur {total} ; demandé : {asked}.</numerusform>
      </translation>
    </message>
    <message>
      <source>Line {position} of invoice {number} has {left} left to credit; {asked} was asked.</source>
      <translation>La ligne {position} de la facture {number} peut encore être créditée de {left} ; {asked} demandé.</translation>
    </message>
    <message>
      <source>Invoice {number} is already fully credited.</source>
      <translation>La facture {number} est déjà entièrement créditée.</translation>
    </message>
    <message>
      <source>This credit note ({total}) is more than what remains creditable on invoice {number} ({remaining}).</source>
      <translation>Cet avoir ({total}) dépasse ce qui reste à créditer sur la facture {number} ({remaining}).</translation>
    </message>
    <message>
      <source>No deposit has the number {id}.</source>
      <translation>Aucune caution ne porte le numéro {id}.</translation>
    </message>
    <message>
      <source>Deposit {id} is already {status}.</source>
      <translation>La caution {id} est déjà {status}.</translation>
    </message>
    <message>
      <source>A deposit must be more than zero.</source>
      <translation>Une caution doit être supérieure à zéro.</translation>
    </message>
    <message>
      <source>Invoice {number} is not for the booking this deposit guarantees.</source>
      <translation>La facture {number} ne concerne pas la réservation que garantit cette caution.</translation>
    </message>
    <message>
      <source>Deposit {id} is {deposit}: {amount} cannot be kept from it.</source>
      <translation>La caution {id} est de {deposit} : impossible d’en retenir {amount}.</translation>
    </message>
    <message>
      <source>Customers and memberships</source>
      <translation>Clients et adhésions</translation>
    </message>
    <message>
      <source>Customers with their numbers, addresses, identifiers and memberships.</source>
      <translation>Les clients avec leurs numéros, adresses, identifiants et adhésions.</translation>
    </message>
    <message>
      <source>Catalogue</source>
      <translation>Catalogue</translation>
    </message>
    <message>
      <source>Item types and their serialized units.</source>
      <translation>Les types de matériel et leurs unités suivies.</translation>
    </message>
    <message>
      <source>Day rates</source>
      <translation>Tarifs journaliers</translation>
    </message>
    <message>
      <source>Day rates per item type: member, non-member, price categories, VAT rate.</source>
      <translation>Les tarifs journaliers par type de matériel : adhérent, non-adhérent, catégories tarifaires, taux de TVA.</translation>
    </message>
    <message>
      <source>Opening balances</source>
      <translation>Soldes d’ouverture</translation>
    </message>
    <message>
      <source>Invoices left unpaid in the previous tool, as opening entries of each customer.</source>
      <translation>Les factures restées impayées dans l’outil précédent, en écritures d’ouverture de chaque client.</translation>
    </message>
    <message>
      <source>Nothing named {kind} can be imported.</source>
      <translation>Rien ne s’appelle {kind} parmi ce qui peut être importé.</translation>
    </message>
    <message>
      <source>number, dates or buyer changed since issue</source>
      <translation>numéro, dates ou acheteur modifiés depuis l’émission</translation>
    </message>
    <message>
      <source>amounts changed since issue</source>
      <translation>montants modifiés depuis l’émission</translation>
    </message>
    <message>
      <source>lines changed since issue</source>
      <translation>lignes modifiées depuis l’émission</translation>
    </message>
    <message>
      <source>frozen document changed since issue</source>
      <translation>document figé modifié depuis l’émission</translation>
    </message>
    <message>
      <source>payment {id} changed since it was recorded</source>
      <translation>paiement {id} modifié depuis son enregistrement</translation>
    </message>
    <message>
      <source>trigger {name} is missing</source>
      <translation>le déclencheur {name} a disparu</translation>
    </message>
    <message>
      <source>trigger {name} no longer refuses changes</source>
      <translation>le déclencheur {name} ne refuse plus les modifications</translation>
    </message>
    <message>
      <source>document deleted since issue</source>
      <translation>document supprimé depuis l’émission</translation>
    </message>
    <message>
      <source>payment {id} deleted</source>
      <translation>paiement {id} supprimé</translation>
    </message>
    <message>
      <source>seal chain broken at seal {id}</source>
      <translation>chaîne des sceaux rompue au sceau {id}</translation>
    </message>
    <message>
      <source>document not sealed: not issued by Régie</source>
      <translation>document sans sceau : non émis par Régie</translation>
    </message>
    <message>
      <source>payment {id} not sealed: not recorded by Régie</source>
      <translation>paiement {id} sans sceau : non enregistré par Régie</translation>
    </message>
    <message>
      <source>frozen document unreadable</source>
      <translation>document figé illisible</translation>
    </message>
    <message>
      <source>amounts differ from the frozen document</source>
      <translation>montants différents du document figé</translation>
    </message>
    <message>
      <source>lines differ from the frozen document</source>
      <translation>lignes différentes du document figé</translation>
    </message>
    <message>
      <source>{number} is missing (the numbering of {series} has a gap)</source>
      <translation>{number} manque (la numérotation {series} a un trou)</translation>
    </message>
    <message>
      <source>{first} to {last} are missing (the numbering of {series} has a gap)</source>
      <translation>{first} à {last} manquent (la numérotation {series} a un trou)</translation>
    </message>
    <message>
      <source>the counter of {series} does not follow its last number {number}</source>
      <translation>le compteur de {series} ne suit pas son dernier numéro {number}</translation>
    </message>
    <message>
      <source>the database's own check: {result}</source>
      <translation>contrôle de la base elle-même : {result}</translation>
    </message>
    <message>
      <source>PDF or XML changed since issue</source>
      <translation>PDF ou XML modifié depuis l’émission</translation>
    </message>
    <message>
      <source>documents or payments were added or deleted outside Régie</source>
      <translation>des documents ou des paiements ont été ajoutés ou supprimés en dehors de Régie</translation>
    </message>
    <message>
      <source>No issued invoice has the number {number}.</source>
      <translation>Aucune facture émise ne porte le numéro {number}.</translation>
    </message>
    <message>
      <source>Booking {ref} has no lines to quote.</source>
      <translation>La réservation {ref} n’a aucune ligne à chiffrer.</translation>
    </message>
    <message>
      <source>Booking {ref} is cancelled: it has no quote.</source>
      <translation>La réservation {ref} est annulée : elle n’a pas de devis.</translation>
    </message>
    <message>
      <source>Booking {ref} is {status}: only a confirmed, out or returned booking can be invoiced.</source>
      <translation>La réservation {ref} est à l’état {status} : seule une réservation confirmée, sortie ou rendue peut être facturée.</translation>
    </message>
    <message>
      <source>Booking {ref} has no damage or loss charge left to invoice.</source>
      <translation>La réservation {ref} n’a plus de dommage ni de perte à facturer.</translation>
    </message>
    <message>
      <source>Everything on booking {ref} has already been invoiced.</source>
      <translation>Tout ce que contient la réservation {ref} a déjà été facturé.</translation>
    </message>
    <message>
      <source>Booking {ref} has damage or loss charges outside the scope of VAT: they cannot share an invoice with taxed lines. Invoice the damage and loss charges on their own first, then the rest.</source>
      <translation>La réservation {ref} a des dommages ou pertes hors du champ de la TVA : ils ne peuvent pas figurer sur une facture avec des lignes taxées. Facturez d’abord les dommages et pertes seuls, puis le reste.</translation>
    </message>
    <message>
      <source>An invoice cannot have a negative total: issue a credit note instead.</source>
      <translation>Une facture ne peut pas avoir un total négatif : émettez plutôt un avoir.</translation>
    </message>
    <message>
      <source>The numbering prefix {prefix} in the cooperative's settings is not one (1 to 10 capital letters and digits, starting with a letter: FA): correct it; nothing was issued.</source>
      <translation>Le préfixe de numérotation {prefix} des réglages de la coopérative n'en est pas un (1 à 10 lettres majuscules et chiffres, commençant par une lettre : FA) : corrigez-le ; rien n'a été émis.</translation>
    </message>
    <message>
      <source>The renderer produced an empty PDF; nothing was issued.</source>
      <translation>La mise en page a produit un PDF vide ; rien n’a été émis.</translation>
    </message>
    <message>
      <source>The Factur-X XML of {number} is not valid ({problems}); nothing was issued.</source>
      <translation>Le XML Factur-X de {number} n’est pas valide ({problems}) ; rien n’a été émis.</translation>
    </message>
    <message>
      <source>The last credit note {number} is dated {last}; this computer's clock says {today}. A credit note cannot be dated before the last one: check the date and time of this computer, then issue it again.</source>
      <translation>Le dernier avoir {number} est daté du {last} ; l’horloge de ce poste indique le {today}. Un avoir ne peut pas être daté avant le précédent : vérifiez la date et l’heure de ce poste, puis émettez-le à nouveau.</translation>
    </message>
    <message>
      <source>The last invoice {number} is dated {last}; this computer's clock says {today}. An invoice cannot be dated before the last one: check the date and time of this computer, then issue it again.</source>
      <translation>La dernière facture {number} est datée du {last} ; l’horloge de ce poste indique le {today}. Une facture ne peut pas être datée avant la précédente : vérifiez la date et l’heure de ce poste, puis émettez-la à nouveau.</translation>
    </message>
    <message>
      <source>No credit note has the number {number}.</source>
      <translation>Aucun avoir ne porte le numéro {number}.</translation>
    </message>
    <message>
      <source>Give the legal article of the exemption (article 261-4-4° a du CGI), not {value!r}.</source>
      <translation>Donnez l’article de loi de l’exonération (article 261-4-4° a du CGI), pas {value!r}.</translation>
    </message>
    <message>
      <source>{code} has no day rates yet: set its rates first, then its VAT exemption.</source>
      <translation>{code} n’a pas encore de tarifs journaliers : fixez d’abord ses tarifs, puis son exonération de TVA.</translation>
    </message>
    <message>
      <source>Bank transfer</source>
      <translation>Virement</translation>
    </message>
    <message>
      <source>Cheque</source>
      <translation>Chèque</translation>
    </message>
    <message>
      <source>Card</source>
      <translation>Carte</translation>
    </message>
    <message>
      <source>From the deposit</source>
      <translation>Sur la caution</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Référence</translation>
    </message>
    <message>
      <source>Invoice date</source>
      <translation>Date de facture</translation>
    </message>
    <message>
      <source>Due date</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>Amount due</source>
      <translation>Reste dû</translation>
    </message>
    <message>
      <source>Label</source>
      <translation>Libellé</translation>
    </message>
    <message>
      <source>No opening entry has the reference {reference}.</source>
      <translation>Aucune écriture d’ouverture n’a la référence {reference}.</translation>
    </message>
    <message>
      <source>{reference} is longer than {limit} characters.</source>
      <translation>{reference} dépasse {limit} caractères.</translation>
    </message>
    <message>
      <source>An invoice of the previous tool cannot be dated after today ({date}).</source>
      <translation>Une facture de l’outil précédent ne peut pas être datée après aujourd’hui ({date}).</translation>
    </message>
    <message>
      <source>The due date {due} is before the invoice's date {issued}.</source>
      <translation>L’échéance {due} précède la date de la facture, {issued}.</translation>
    </message>
    <message>
      <source>Nothing is owed on {reference}: leave it out.</source>
      <translation>Rien n’est dû sur {reference} : retirez cette ligne.</translation>
    </message>
    <message>
      <source>{reference} is the number of an invoice Régie issued, not of the previous tool's.</source>
      <translation>{reference} est le numéro d’une facture émise par Régie, pas de l’outil précédent.</translation>
    </message>
    <message>
      <source>{reference} was already given on line {line}: give each invoice once.</source>
      <translation>{reference} figure déjà ligne {line} : donnez chaque facture une seule fois.</translation>
    </message>
    <message>
      <source>customer {customer}, {amount} due on {due}</source>
      <translation>client {customer}, {amount} dû le {due}</translation>
    </message>
    <message>
      <source>{reference} was imported on {day} with other figures; an opening entry is never changed: record a payment on it instead.</source>
      <translation>{reference} a été importée le {day} avec d’autres montants ou dates ; une écriture d’ouverture ne se modifie jamais : enregistrez plutôt un règlement.</translation>
    </message>
    <message>
      <source>Invoice {number} has {balance} left to pay; a payment of {amount} is more than that.</source>
      <translation>Il reste {balance} à payer sur la facture {number} ; un paiement de {amount} dépasse ce montant.</translation>
    </message>
    <message>
      <source>No payment of an opening entry has the id {id}.</source>
      <translation>Aucun règlement d’écriture d’ouverture n’a le numéro {id}.</translation>
    </message>
    <message>
      <source>Payment {id} was already cancelled.</source>
      <translation>Le règlement {id} est déjà annulé.</translation>
    </message>
    <message>
      <source>seller name</source>
      <translation>raison sociale de la coopérative</translation>
    </message>
    <message>
      <source>seller legal form</source>
      <translation>forme juridique de la coopérative</translation>
    </message>
    <message>
      <source>seller share capital</source>
      <translation>capital social de la coopérative</translation>
    </message>
    <message>
      <source>seller address</source>
      <translation>adresse de la coopérative</translation>
    </message>
    <message>
      <source>seller postcode and city</source>
      <translation>code postal et ville de la coopérative</translation>
    </message>
    <message>
      <source>seller SIREN</source>
      <translation>SIREN de la coopérative</translation>
    </message>
    <message>
      <source>seller SIRET</source>
      <translation>SIRET de la coopérative</translation>
    </message>
    <message>
      <source>seller RCS</source>
      <translation>RCS de la coopérative</translation>
    </message>
    <message>
      <source>seller VAT number</source>
      <translation>numéro de TVA de la coopérative</translation>
    </message>
    <message>
      <source>seller IBAN</source>
      <translation>IBAN de la coopérative</translation>
    </message>
    <message>
      <source>seller BIC</source>
      <translation>BIC de la coopérative</translation>
    </message>
    <message>
      <source>customer name</source>
      <translation>nom du client</translation>
    </message>
    <message>
      <source>customer address</source>
      <translation>adresse du client</translation>
    </message>
    <message>
      <source>customer SIREN</source>
      <translation>SIREN du client</translation>
    </message>
    <message>
      <source>The public buyer has no service code (buyer reference): Chorus Pro rejects the invoice if the buyer requires one.</source>
      <translation>L’acheteur public n’a pas de code service (référence acheteur) : Chorus Pro rejette la facture si l’acheteur en exige un.</translation>
    </message>
    <message>
      <source>The booking has no commitment (engagement) number: Chorus Pro rejects the invoice if the buyer requires one.</source>
      <translation>La réservation n’a pas de numéro d’engagement : Chorus Pro rejette la facture si l’acheteur en exige un.</translation>
    </message>
    <message>
      <source>Cannot issue: mandatory mentions are missing ({missing}). Complete the cooperative's settings or the customer's record; nothing was issued.</source>
      <translation>Émission impossible : des mentions obligatoires manquent ({missing}). Complétez les paramètres de la coopérative ou la fiche du client ; rien n’a été émis.</translation>
    </message>
    <message>
      <source>There is nothing to invoice: the document has no lines.</source>
      <translation>Il n’y a rien à facturer : le document n’a aucune ligne.</translation>
    </message>
    <message>
      <source>Charges outside the scope of VAT cannot share an invoice with taxed lines (EN 16931 BR-O-11): invoice them on their own.</source>
      <translation>Les sommes hors du champ de la TVA ne peuvent pas figurer sur une facture avec des lignes taxées (EN 16931 BR-O-11) : facturez-les à part.</translation>
    </message>
    <message>
      <source>Invoice {number} is paid more than it owes ({credit} to refund to the customer): record a refund, not a payment.</source>
      <translation>La facture {number} est payée au-delà de ce qu’elle doit ({credit} à rembourser au client) : enregistrez un remboursement, pas un paiement.</translation>
    </message>
    <message>
      <source>A payment must be more than zero.</source>
      <translation>Un paiement doit être supérieur à zéro.</translation>
    </message>
    <message>
      <source>A payment cannot be dated in the future beyond tomorrow ({date}; this computer's clock says {today}).</source>
      <translation>Un paiement ne peut pas être daté au-delà de demain ({date} ; l’horloge de ce poste indique le {today}).</translation>
    </message>
    <message>
      <source>A payment cannot be dated before its invoice: {number} is dated {issued}, the payment {date}.</source>
      <translation>Un paiement ne peut pas être daté avant sa facture : {number} est datée du {issued}, le paiement du {date}.</translation>
    </message>
    <message>
      <source>Régie is not a certified cash system (NF 525): record this cash refund to {customer} in your certified till. If the cooperative records such payments there, say so in Settings (File → Settings…); Régie then keeps a copy for the invoice's balance.</source>
      <translation>Régie n’est pas un logiciel de caisse certifié (NF 525) : enregistrez ce remboursement en espèces à {customer} dans votre caisse certifiée. Si la coopérative y enregistre ces paiements, déclarez-le dans les Paramètres (Fichier → Paramètres…) ; Régie en garde alors une copie pour le solde de la facture.</translation>
    </message>
    <message>
      <source>Régie is not a certified cash system (NF 525): record this card refund to {customer} in your certified till. If the cooperative records such payments there, say so in Settings (File → Settings…); Régie then keeps a copy for the invoice's balance.</source>
      <translation>Régie n’est pas un logiciel de caisse certifié (NF 525) : enregistrez ce remboursement par carte à {customer} dans votre caisse certifiée. Si la coopérative y enregistre ces paiements, déclarez-le dans les Paramètres (Fichier → Paramètres…) ; Régie en garde alors une copie pour le solde de la facture.</translation>
    </message>
    <message>
      <source>Régie is not a certified cash system (NF 525): record this cash payment from {customer} in your certified till. If the cooperative records such payments there, say so in Settings (File → Settings…); Régie then keeps a copy for the invoice's balance.</source>
      <translation>Régie n’est pas un logiciel de caisse certifié (NF 525) : enregistrez ce paiement en espèces de {customer} dans votre caisse certifiée. Si la coopérative y enregistre ces paiements, déclarez-le dans les Paramètres (Fichier → Paramètres…) ; Régie en garde alors une copie pour le solde de la facture.</translation>
    </message>
    <message>
      <source>Régie is not a certified cash system (NF 525): record this card payment from {customer} in your certified till. If the cooperative records such payments there, say so in Settings (File → Settings…); Régie then keeps a copy for the invoice's balance.</source>
      <translation>Régie n’est pas un logiciel de caisse certifié (NF 525) : enregistrez ce paiement par carte de {customer} dans votre caisse certifiée. Si la coopérative y enregistre ces paiements, déclarez-le dans les Paramètres (Fichier → Paramètres…) ; Régie en garde alors une copie pour le solde de la facture.</translation>
    </message>
    <message>
      <source>No payment has the number {id}.</source>
      <translation>Aucun paiement ne porte le numéro {id}.</translation>
    </message>
    <message>
      <source>Payment {id} is itself a reversal: it cannot be reversed.</source>
      <translation>Le paiement {id} est lui-même une contre-passation : il ne peut pas être contre-passé.</translation>
    </message>
    <message>
      <source>Payment {id} was already reversed.</source>
      <translation>Le paiement {id} a déjà été contre-passé.</translation>
    </message>
    <message>
      <source>A refund must be more than zero.</source>
      <translation>Un remboursement doit être supérieur à zéro.</translation>
    </message>
    <message>
      <source>Invoice {number} owes the customer nothing back (balance {balance}): a refund is only for an invoice paid more than it owes after its credit notes.</source>
      <translation>La facture {number} ne doit rien au client (solde {balance}) : un remboursement ne concerne qu’une facture payée au-delà de ce qu’elle doit après ses avoirs.</translation>
    </message>
    <message>
      <source>Invoice {number} has {credit} to refund; a refund of {amount} is more than that.</source>
      <translation>La facture {number} a {credit} à rembourser ; un remboursement de {amount} dépasse ce montant.</translation>
    </message>
    <message>
      <source>A refund cannot be dated in the future beyond tomorrow ({date}; this computer's clock says {today}).</source>
      <translation>Un remboursement ne peut pas être daté au-delà de demain ({date} ; l’horloge de cet ordinateur indique {today}).</translation>
    </message>
    <message>
      <source>A refund cannot be dated before the credit note it refunds: {number} is dated {issued}, the refund {date}.</source>
      <translation>Un remboursement ne peut pas être daté avant l’avoir qu’il rembourse : {number} est daté du {issued}, le remboursement du {date}.</translation>
    </message>
    <message>
      <source>A refund cannot be dated before the payment it refunds: {number} was paid on {paid}, the refund is dated {date}.</source>
      <translation>Un remboursement ne peut pas être daté avant le paiement qu’il rembourse : {number} a été payée le {paid}, le remboursement est daté du {date}.</translation>
    </message>
    <message>
      <source>{name} still has open bookings ({bookings}): close or cancel them before anonymising.</source>
      <translation>{name} a encore des réservations en cours ({bookings}) : clôturez-les ou annulez-les avant d'anonymiser.</translation>
    </message>
    <message>
      <source>{name} still has invoices not settled ({invoices}): record their payments or refunds before anonymising.</source>
      <translation>{name} a encore des factures non soldées ({invoices}) : enregistrez leurs règlements ou remboursements avant d'anonymiser.</translation>
    </message>
    <message>
      <source>{name} still has deposits held ({bookings}): return or retain them before anonymising.</source>
      <translation>{name} a encore des cautions détenues ({bookings}) : restituez-les ou retenez-les avant d'anonymiser.</translation>
    </message>
    <message>
      <source>Customer {number} is already anonymised.</source>
      <translation>Le client {number} est déjà anonymisé.</translation>
    </message>
    <message>
      <source>The table gives {days} days twice.</source>
      <translation>Le barème donne deux fois {days} jours.</translation>
    </message>
    <message>
      <source>A coefficient table must give the coefficient of 1 day.</source>
      <translation>Une grille de coefficients doit donner le coefficient d’une journée.</translation>
    </message>
    <message>
      <source>{value!r} is not a time of day (write it 14:00).</source>
      <translation>{value!r} n’est pas une heure (écrivez-la 14:00).</translation>
    </message>
    <message>
      <source>{value!r} is not a VAT treatment of damage charges: S (VAT) or O (outside the scope of VAT).</source>
      <translation>{value!r} n’est pas un traitement de TVA des frais de casse : S (TVA) ou O (hors du champ de la TVA).</translation>
    </message>
    <message>
      <source>A VAT rate of damage charges must be more than zero.</source>
      <translation>Le taux de TVA des frais de casse doit être supérieur à zéro.</translation>
    </message>
    <message>
      <source>A late fee per piece and per day must be more than zero.</source>
      <translation>Un forfait de retard par pièce et par jour doit être supérieur à zéro.</translation>
    </message>
    <message>
      <source>{value!r} is not a percentage.</source>
      <translation>{value!r} n’est pas un pourcentage.</translation>
    </message>
    <message>
      <source>The {field} must be between 0 and 100, with at most two decimals.</source>
      <translation>Le champ {field} doit être compris entre 0 et 100, avec au plus deux décimales.</translation>
    </message>
    <message>
      <source>{value!r} is not a coefficient.</source>
      <translation>{value!r} n’est pas un coefficient.</translation>
    </message>
    <message>
      <source>The {field} must be above 0, with at most three decimals.</source>
      <translation>Le champ {field} doit être supérieur à 0, avec au plus trois décimales.</translation>
    </message>
    <message>
      <source>The price category {code} already exists.</source>
      <translation>La catégorie tarifaire {code} existe déjà.</translation>
    </message>
    <message>
      <source>No price category has the code {code}.</source>
      <translation>Aucune catégorie tarifaire ne porte le code {code}.</translation>
    </message>
    <message>
      <source>No coefficient table is named {name}.</source>
      <translation>Aucune grille de coefficients ne s’appelle {name}.</translation>
    </message>
    <message>
      <source>Choose a coefficient table or a fixed coefficient, not both.</source>
      <translation>Choisissez une grille de coefficients ou un coefficient fixe, pas les deux.</translation>
    </message>
    <message>
      <source>Item code</source>
      <translation>Code matériel</translation>
    </message>
    <message>
      <source>Member day rate</source>
      <translation>Tarif journalier adhérent</translation>
    </message>
    <message>
      <source>Non-member day rate</source>
      <translation>Tarif journalier non-adhérent</translation>
    </message>
    <message>
      <source>VAT rate</source>
      <translation>Taux de TVA</translation>
    </message>
    <message>
      <source>VAT exemption</source>
      <translation>Exonération de TVA</translation>
    </message>
    <message>
      <source>member {member}, non-member {non_member}</source>
      <translation>adhérent {member}, non-adhérent {non_member}</translation>
    </message>
    <message>
      <source>VAT {rate}</source>
      <translation>TVA {rate}</translation>
    </message>
    <message>
      <source>exempt: {article}</source>
      <translation>exonéré : {article}</translation>
    </message>
    <message>
      <source>{code} was already given on line {line}: give each item type once.</source>
      <translation>{code} figure déjà ligne {line} : donnez chaque type de matériel une seule fois.</translation>
    </message>
    <message>
      <source>{category} {amount}</source>
      <translation>{category} {amount}</translation>
    </message>
    <message>
      <source>A VAT rate or an exemption needs the member and non-member day rates.</source>
      <translation>Un taux de TVA ou une exonération demande les tarifs journaliers adhérent et non-adhérent.</translation>
    </message>
    <message>
      <source>The member day rate is missing.</source>
      <translation>Le tarif journalier adhérent manque.</translation>
    </message>
    <message>
      <source>The non-member day rate is missing.</source>
      <translation>Le tarif journalier non-adhérent manque.</translation>
    </message>
    <message>
      <source>new price category {code}</source>
      <translation>nouvelle catégorie tarifaire {code}</translation>
    </message>
    <message>
      <source>Other (minimum charge, free lines)</source>
      <translation>Autres (minimum de facturation, lignes libres)</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>Sociétaires</translation>
    </message>
    <message>
      <source>Non-members</source>
      <translation>Non-sociétaires</translation>
    </message>
    <message>
      <source>Not due</source>
      <translation>Non échu</translation>
    </message>
    <message>
      <source>1–30 days</source>
      <translation>1 à 30 jours</translation>
    </message>
    <message>
      <source>31–60 days</source>
      <translation>31 à 60 jours</translation>
    </message>
    <message>
      <source>61–90 days</source>
      <translation>61 à 90 jours</translation>
    </message>
    <message>
      <source>Over 90 days</source>
      <translation>Plus de 90 jours</translation>
    </message>
    <message>
      <source>Section</source>
      <translation>Section</translation>
    </message>
    <message>
      <source>Key</source>
      <translation>Clé</translation>
    </message>
    <message>
      <source>Period or family</source>
      <translation>Période ou famille</translation>
    </message>
    <message>
      <source>Invoiced excl. VAT</source>
      <translation>Facturé HT</translation>
    </message>
    <message>
      <source>Credited excl. VAT</source>
      <translation>Avoirs HT</translation>
    </message>
    <message>
      <source>Net revenue excl. VAT</source>
      <translation>Chiffre d’affaires net HT</translation>
    </message>
    <message>
      <source>Revenue</source>
      <translation>Chiffre d’affaires</translation>
    </message>
    <message>
      <source>Balance incl. VAT</source>
      <translation>Solde TTC</translation>
    </message>
    <message>
      <source>Receivables by customer and age</source>
      <translation>Créances par client et par ancienneté</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>Sociétaire</translation>
    </message>
    <message>
      <source>Paid at member rates excl. VAT</source>
      <translation>Payé au tarif sociétaire HT</translation>
    </message>
    <message>
      <source>At non-member rates excl. VAT</source>
      <translation>Au tarif non-sociétaire HT</translation>
    </message>
    <message>
      <source>Savings</source>
      <translation>Économie</translation>
    </message>
    <message>
      <source>Members' savings</source>
      <translation>Économies des sociétaires</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Total</translation>
    </message>
    <message>
      <source>The cooperative</source>
      <translation>La coopérative</translation>
    </message>
    <message>
      <source>Not attributed (nothing scanned out)</source>
      <translation>Non attribué (aucune sortie scannée)</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>Item type or family</source>
      <translation>Type de matériel ou famille</translation>
    </message>
    <message>
      <source>Family</source>
      <translation>Famille</translation>
    </message>
    <message>
      <source>Days out</source>
      <translation>Jours sortis</translation>
    </message>
    <message>
      <source>Serviceable days</source>
      <translation>Jours disponibles</translation>
    </message>
    <message>
      <source>Utilisation</source>
      <translation>Taux d’utilisation</translation>
    </message>
    <message>
      <source>Units</source>
      <translation>Pièces</translation>
    </message>
    <message>
      <source>Equipment-days</source>
      <translation>Jours-matériel</translation>
    </message>
    <message>
      <source>Revenue excl. VAT</source>
      <translation>Chiffre d’affaires HT</translation>
    </message>
    <message>
      <source>Revenue and equipment-days per owner</source>
      <translation>Chiffre d’affaires et jours-matériel par propriétaire</translation>
    </message>
    <message>
      <source>Due on</source>
      <translation>Échéance</translation>
    </message>
    <message>
      <source>Days overdue</source>
      <translation>Jours de retard</translation>
    </message>
    <message>
      <source>Inspections due</source>
      <translation>Vérifications à faire</translation>
    </message>
    <message>
      <source>Unknown report {value!r}: expected one of {allowed}.</source>
      <translation>Rapport inconnu {value!r} : choisissez parmi {allowed}.</translation>
    </message>
    <message>
      <source>A report covers at most ten years.</source>
      <translation>Un rapport couvre au plus dix ans.</translation>
    </message>
    <message numerus="yes">
      <source>The cooperative was not set up: {count} problem(s) found; nothing was written.</source>
      <translation>
        <numerusform>La coopérative n’a pas été créée : {count} problème trouvé ; rien n’a été écrit.</numerusform>
        <numerusform>La coopérative n’a pas été créée : {count} problèmes trouvés ; rien n’a été écrit.</numerusform>
      </translation>
    </message>
    <message>
      <source>A cooperative that charges VAT needs its VAT number (or choose the franchise en base, art. 293 B du CGI).</source>
      <translation>Une coopérative qui facture la TVA doit donner son numéro de TVA (ou choisir la franchise en base, art. 293 B du CGI).</translation>
    </message>
    <message>
      <source>Invoices and credit notes need different prefixes ({prefix} is given for both).</source>
      <translation>Les factures et les avoirs doivent avoir des préfixes différents ({prefix} est donné pour les deux).</translation>
    </message>
    <message>
      <source>On a PostgreSQL server the administrator needs a password (at least {count} characters).</source>
      <translation>Sur un serveur PostgreSQL, l’administrateur doit avoir un mot de passe (au moins {count} caractères).</translation>
    </message>
    <message>
      <source>{where} already holds a database: a cooperative is set up in a new one (choose another file, or move that one away first).</source>
      <translation>{where} contient déjà une base de données : une coopérative se crée dans une base neuve (choisissez un autre fichier, ou déplacez d’abord celui-ci).</translation>
    </message>
    <message>
      <source>The {field} is required.</source>
      <translation>Le champ « {field} » est obligatoire.</translation>
    </message>
    <message>
      <source>{value} is not an amount of share capital (write it like 18500.00).</source>
      <translation>{value} n’est pas un montant de capital social (écrivez-le comme 18500,00).</translation>
    </message>
    <message>
      <source>{value} is too large a share capital.</source>
      <translation>{value} est un capital social trop élevé.</translation>
    </message>
    <message>
      <source>{value} is not a French postcode (five digits).</source>
      <translation>{value} n’est pas un code postal français (cinq chiffres).</translation>
    </message>
    <message>
      <source>{value} is not a valid SIREN (nine digits, checked).</source>
      <translation>{value} n’est pas un SIREN valide (neuf chiffres, avec clé de contrôle).</translation>
    </message>
    <message>
      <source>{value} is not a valid SIRET (fourteen digits, checked).</source>
      <translation>{value} n’est pas un SIRET valide (quatorze chiffres, avec clé de contrôle).</translation>
    </message>
    <message>
      <source>The SIRET {value} does not start with the SIREN {siren}.</source>
      <translation>Le SIRET {value} ne commence pas par le SIREN {siren}.</translation>
    </message>
    <message>
      <source>{value} is not a valid VAT number (FR and 11 characters for France).</source>
      <translation>{value} n’est pas un numéro de TVA valide (FR et 11 caractères pour la France).</translation>
    </message>
    <message>
      <source>The VAT number {value} is not the SIREN {siren}'s (FR, a two-digit key, then the SIREN).</source>
      <translation>Le numéro de TVA {value} n’est pas celui du SIREN {siren} (FR, une clé de deux chiffres, puis le SIREN).</translation>
    </message>
    <message>
      <source>{value} is neither an RCS registration (RCS Lyon 123 456 789) nor an RNA number (W123456789).</source>
      <translation>{value} n’est ni une immatriculation RCS (RCS Lyon 123 456 789) ni un numéro RNA (W123456789).</translation>
    </message>
    <message>
      <source>The RCS registration {value} must end with the cooperative's SIREN{siren}.</source>
      <translation>L’immatriculation RCS {value} doit se terminer par le SIREN de la coopérative{siren}.</translation>
    </message>
    <message>
      <source>{value} is not a valid IBAN (its check digits do not match).</source>
      <translation>{value} n’est pas un IBAN valide (ses chiffres de contrôle ne correspondent pas).</translation>
    </message>
    <message>
      <source>{value} is not a valid BIC (8 or 11 letters and digits).</source>
      <translation>{value} n’est pas un BIC valide (8 ou 11 lettres et chiffres).</translation>
    </message>
    <message>
      <source>{value} is not an email address (name@example.fr).</source>
      <translation>{value} n’est pas une adresse électronique (nom@exemple.fr).</translation>
    </message>
    <message>
      <source>{value} is not a phone number (digits, spaces, dots, + and dashes).</source>
      <translation>{value} n’est pas un numéro de téléphone (chiffres, espaces, points, + et tirets).</translation>
    </message>
    <message>
      <source>The logo is too large ({size} kB, at most {limit} kB).</source>
      <translation>Le logo est trop lourd ({size} ko, au plus {limit} ko).</translation>
    </message>
    <message>
      <source>The logo must be a PNG or JPEG image, not {format}.</source>
      <translation>Le logo doit être une image PNG ou JPEG, pas {format}.</translation>
    </message>
    <message>
      <source>The logo is not a readable PNG or JPEG image.</source>
      <translation>Le logo n’est pas une image PNG ou JPEG lisible.</translation>
    </message>
    <message>
      <source>{value} is not a numbering prefix (1 to 10 capital letters and digits, starting with a letter: FA).</source>
      <translation>{value} n’est pas un préfixe de numérotation (1 à 10 majuscules et chiffres, commençant par une lettre : FA).</translation>
    </message>
    <message>
      <source>{days} is not a number of days (1 to 3660).</source>
      <translation>{days} n’est pas un nombre de jours (1 à 3660).</translation>
    </message>
    <message>
      <source>The coefficient of {days} day(s) is given twice.</source>
      <translation>Le coefficient de {days} jour(s) est donné deux fois.</translation>
    </message>
    <message>
      <source>The coefficient of {days} day(s) must be above 0, with at most three decimals ({value} is not).</source>
      <translation>Le coefficient de {days} jour(s) doit être supérieur à 0, avec au plus trois décimales ({value} ne l’est pas).</translation>
    </message>
    <message>
      <source>The coefficient of {days} day(s) ({value}) is below that of {fewer} day(s).</source>
      <translation>Le coefficient de {days} jour(s) ({value}) est inférieur à celui de {fewer} jour(s).</translation>
    </message>
    <message>
      <source>{value} is not the first day of a membership year (MM-DD: 01-01 for the calendar year, 09-01 for a season from September).</source>
      <translation>{value} n’est pas le premier jour d’une année d’adhésion (MM-JJ : 01-01 pour l’année civile, 09-01 pour une saison commençant en septembre).</translation>
    </message>
    <message>
      <source>{value} is not a VAT regime (normal: VAT charged; franchise: franchise en base).</source>
      <translation>{value} n’est pas un régime de TVA (normal : TVA facturée ; franchise : franchise en base).</translation>
    </message>
    <message>
      <source>The payment term is 0 to {limit} days ({value} is not).</source>
      <translation>Le délai de paiement est de 0 à {limit} jours ({value} ne l’est pas).</translation>
    </message>
    <message>
      <source>{value!r} is not a month: write it like 2026-11.</source>
      <translation>{value!r} n’est pas un mois : écrivez-le comme 2026-11.</translation>
    </message>
    <message>
      <source>The month {month} has not begun yet: there is nothing to state.</source>
      <translation>Le mois {month} n’a pas encore commencé : il n’y a rien à relever.</translation>
    </message>
    <message>
      <source>No customer has the id {id}.</source>
      <translation>Aucun client n’a l’identifiant {id}.</translation>
    </message>
  </context>
</TS>
