<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>at least 6 digits (an admin: 10 characters or 8 digits); blank keeps it</source>
        <translation>al menos 6 dígitos (un administrador: 10 caracteres u 8 dígitos); en blanco lo deja igual</translation>
    </message>
    <message>
        <source>Active (may sign in)</source>
        <translation>Activo (puede iniciar sesión)</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN o contraseña</translation>
    </message>
    <message>
        <source>Unlock (let them try their PIN again now)</source>
        <translation>Desbloquear (que pueda volver a intentar su PIN ahora)</translation>
    </message>
    <message>
        <source>Front desk and van crew record today&apos;s work; van crew also load out and close out. A supply lead receives, adjusts, counts and orders, and may date entries back to the lock date. An admin manages users and settings.</source>
        <translation>La recepción y el equipo de la unidad móvil registran el trabajo del día; el equipo de la unidad móvil también carga y cierra la unidad. El responsable de suministros recibe, ajusta, cuenta y pide, y puede fechar registros hasta la fecha de cierre. Un administrador gestiona usuarios y ajustes.</translation>
    </message>
    <message>
        <source>{who} may sign in again now.</source>
        <translation>{who} ya puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>Lock the records before</source>
        <translation>Cerrar los registros anteriores al</translation>
    </message>
    <message>
        <source> minutes without use</source>
        <translation> minutos sin uso</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> horas</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Lock date</source>
        <translation>Fecha de cierre</translation>
    </message>
    <message>
        <source>Nobody but an admin may record or correct anything dated before the lock date: set it when a month has been reported.</source>
        <translation>Solo un administrador puede registrar o corregir algo con fecha anterior a la fecha de cierre: fíjela cuando se haya informado un mes.</translation>
    </message>
    <message>
        <source>Lock the screen after</source>
        <translation>Bloquear la pantalla tras</translation>
    </message>
    <message>
        <source>Back up every</source>
        <translation>Hacer copia cada</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <source>Backups of this database are taken while the app is open and when it closes; the newest of each of the last 7 days and of 4 weeks before are kept. Leave the folder blank for a “backups” folder beside the database. Restore with `hrsupply restore FILE`. A PostgreSQL server is backed up on the server (`hrsupply backup` there runs pg_dump).</source>
        <translation>Se hacen copias de esta base de datos mientras la aplicación está abierta y al cerrarla; se guarda la más reciente de cada uno de los últimos 7 días y de las 4 semanas anteriores. Deje la carpeta en blanco para usar una carpeta «backups» junto a la base de datos. Para restaurar: `hrsupply restore ARCHIVO`. Un servidor PostgreSQL se copia en el propio servidor (allí `hrsupply backup` ejecuta pg_dump).</translation>
    </message>
    <message>
        <source>Set up a van laptop…</source>
        <translation>Preparar una laptop de unidad móvil…</translation>
    </message>
    <message>
        <source>A laptop for a van (or a partner location) works offline on the road with its own database: this writes the file it is set up from (the catalog, the users who may sign in there, the location&apos;s stock). It holds the pair&apos;s key: carry it by hand.</source>
        <translation>Una laptop para una unidad móvil (o un lugar asociado) trabaja sin red en la calle con su propia base de datos: esto escribe el archivo con que se prepara (el catálogo, los usuarios que pueden entrar allí, el inventario del lugar). Contiene la clave del par: llévelo en mano.</translation>
    </message>
    <message>
        <source>Encrypt this database…</source>
        <translation>Cifrar esta base de datos…</translation>
    </message>
    <message>
        <source>A PostgreSQL database is kept on its server: encrypt the server&apos;s disk.</source>
        <translation>Una base de datos PostgreSQL se guarda en su servidor: cifre el disco del servidor.</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Cambiar la frase de contraseña…</translation>
    </message>
    <message>
        <source>This database and its backups are encrypted.</source>
        <translation>Esta base de datos y sus copias de seguridad están cifradas.</translation>
    </message>
    <message>
        <source>Not encrypted: a lost or stolen computer gives away every participant code in it.</source>
        <translation>Sin cifrar: una computadora perdida o robada entrega todos los códigos de participantes que contiene.</translation>
    </message>
    <message>
        <source>change passphrase</source>
        <translation>cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>encrypt</source>
        <translation>cifrar</translation>
    </message>
    <message>
        <source>Close hrsupply on every other workstation first.</source>
        <translation>Primero cierre hrsupply en todas las demás estaciones de trabajo.</translation>
    </message>
    <message>
        <source>The database and its backups get the new passphrase.</source>
        <translation>La base de datos y sus copias de seguridad reciben la nueva frase de contraseña.</translation>
    </message>
    <message>
        <source>The database and its backups are encrypted with this passphrase.</source>
        <translation>La base de datos y sus copias de seguridad se cifran con esta frase de contraseña.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Cifrar</translation>
    </message>
    <message>
        <source>Done: the database and {n} backup(s) are encrypted. Print the recovery sheet and keep it safe.</source>
        <translation>Listo: la base de datos y {n} copia(s) de seguridad están cifradas. Imprima la hoja de recuperación y guárdela en un lugar seguro.</translation>
    </message>
    <message>
        <source>Encrypting the database…</source>
        <translation>Cifrando la base de datos…</translation>
    </message>
    <message>
        <source>Newest backup: {path} ({taken_at:%Y-%m-%d %H:%M}), {n} kept.</source>
        <translation>Copia más reciente: {path} ({taken_at:%Y-%m-%d %H:%M}), {n} guardadas.</translation>
    </message>
    <message>
        <source>No backups yet in that folder.</source>
        <translation>Todavía no hay copias en esa carpeta.</translation>
    </message>
    <message>
        <source>Saved. The idle lock and backup times apply from the next sign-in.</source>
        <translation>Guardado. El bloqueo por inactividad y las horas de copia se aplican desde el próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>Add a van (or a partner location) in Settings → Locations first.</source>
        <translation>Primero agregue una unidad móvil (o un lugar asociado) en Ajustes → Ubicaciones.</translation>
    </message>
    <message>
        <source>Set up a van laptop</source>
        <translation>Preparar una laptop de unidad móvil</translation>
    </message>
    <message>
        <source>The laptop is for:</source>
        <translation>La laptop es para:</translation>
    </message>
    <message>
        <source>Wrote {path}. On the laptop, start hrsupply and choose “Join a program&apos;s database from a setup file”; keep the file private.</source>
        <translation>Se escribió {path}. En la laptop, abra hrsupply y elija «Unirse a la base de datos de un programa con un archivo de preparación»; guarde el archivo en privado.</translation>
    </message>
    <message>
        <source>Setup file (*.setup)</source>
        <translation>Archivo de preparación (*.setup)</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo la copia…</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>Copiando la base de datos…</translation>
    </message>
    <message>
        <source>Backed up to {made_path}.</source>
        <translation>Copia hecha en {made_path}.</translation>
    </message>
    <message>
        <source>This is a server database: back it up on the server with `hrsupply backup` (pg_dump).</source>
        <translation>Esta es una base de datos de servidor: haga la copia en el servidor con `hrsupply backup` (pg_dump).</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>Cuál</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>Who changed an item, a par level, a location, a source, a user or a setting, and from what to what. Who recorded each movement is on its stock card.</source>
        <translation>Quién cambió un artículo, un nivel par, una ubicación, un proveedor, un usuario o un ajuste, y de qué a qué. Quién registró cada movimiento figura en su ficha de existencias.</translation>
    </message>
    <message>
        <source>Build a participant code</source>
        <translation>Crear un código de participante</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>The code appears here as the answers are typed.</source>
        <translation>El código aparece aquí a medida que se escriben las respuestas.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{code}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{code}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Count sheet — {count_location_name}</source>
        <translation>Hoja de recuento — {count_location_name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Count sheet&lt;/b&gt; — {count_location_name}</source>
        <translation>&lt;b&gt;Hoja de recuento&lt;/b&gt; — {count_location_name}</translation>
    </message>
    <message>
        <source>{program} &amp;nbsp;·&amp;nbsp; Count {count_id} &amp;nbsp;·&amp;nbsp; {count_scope} &amp;nbsp;·&amp;nbsp; started {started}</source>
        <translation>{program} &amp;nbsp;·&amp;nbsp; Recuento {count_id} &amp;nbsp;·&amp;nbsp; {count_scope} &amp;nbsp;·&amp;nbsp; iniciado el {started}</translation>
    </message>
    <message>
        <source> &amp;nbsp;·&amp;nbsp; &lt;b&gt;blind count&lt;/b&gt;</source>
        <translation> &amp;nbsp;·&amp;nbsp; &lt;b&gt;recuento a ciegas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Count every unit on the shelf, including opened boxes. Write 0 when there is none. Lot-tracked items: count each lot on its own line.</source>
        <translation>Cuente cada unidad del estante, incluidas las cajas abiertas. Escriba 0 si no hay ninguna. Artículos con lote: cuente cada lote en su propia línea.</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artículo</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>Lote</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Esperado</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Contado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&lt;b&gt;{category}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{category}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{r_name}&lt;br/&gt;&lt;font size=7 color=&apos;#555555&apos;&gt;{r_sku}&lt;/font&gt;</source>
        <translation>{r_name}&lt;br/&gt;&lt;font size=7 color=&apos;#555555&apos;&gt;{r_sku}&lt;/font&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Found on the shelf but not listed above&lt;/b&gt;</source>
        <translation>&lt;b&gt;Encontrado en el estante pero no listado arriba&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Counted by: ______________________________</source>
        <translation>Contado por: ______________________________</translation>
    </message>
    <message>
        <source>Checked by: ______________________________</source>
        <translation>Revisado por: ______________________________</translation>
    </message>
    <message>
        <source>Date and time: ____________________</source>
        <translation>Fecha y hora: ____________________</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Count {id} · {location} · {scope}
{status}</source>
        <translation>Recuento {id} · {location} · {scope}
{status}</translation>
    </message>
    <message>
        <source> · {counted} of {lines} counted</source>
        <translation> · {counted} de {lines} contados</translation>
    </message>
    <message>
        <source>Choose items to count</source>
        <translation>Elegir los artículos a contar</translation>
    </message>
    <message>
        <source>Find an item</source>
        <translation>Buscar un artículo</translation>
    </message>
    <message>
        <source>Blind (counters do not see expected figures)</source>
        <translation>A ciegas (quien cuenta no ve las cifras esperadas)</translation>
    </message>
    <message>
        <source>Start count</source>
        <translation>Empezar recuento</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Recuento</translation>
    </message>
    <message>
        <source>Start a count, or pick one on the left.</source>
        <translation>Empiece un recuento o elija uno a la izquierda.</translation>
    </message>
    <message>
        <source>Lines of the count</source>
        <translation>Líneas del conteo</translation>
    </message>
    <message>
        <source>Review: show only lines that differ or are not counted</source>
        <translation>Revisar: solo lo que difiere o no se contó</translation>
    </message>
    <message>
        <source>Found something not on the list? Type or scan it, then Enter</source>
        <translation>¿Algo que no está en la lista? Escríbalo o escanéelo e Intro</translation>
    </message>
    <message>
        <source>Lot (lot-tracked items)</source>
        <translation>Lote (artículos con lote)</translation>
    </message>
    <message>
        <source>Only used for a lot this program has not seen before</source>
        <translation>Solo para un lote que el programa no ha visto antes</translation>
    </message>
    <message>
        <source>Print count sheet…</source>
        <translation>Imprimir hoja de recuento…</translation>
    </message>
    <message>
        <source>Post count</source>
        <translation>Registrar recuento</translation>
    </message>
    <message>
        <source>Discard count</source>
        <translation>Descartar recuento</translation>
    </message>
    <message>
        <source>new lot expires</source>
        <translation>el lote nuevo caduca</translation>
    </message>
    <message>
        <source>No item matches {text!r}.</source>
        <translation>Ningún artículo coincide con {text!r}.</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>posted</source>
        <translation>registrado</translation>
    </message>
    <message>
        <source>discarded</source>
        <translation>descartado</translation>
    </message>
    <message>
        <source>Location: choose the location to count</source>
        <translation>Ubicación: elija la ubicación a contar</translation>
    </message>
    <message>
        <source>{x} of {loc_code} is still open: post or discard it first</source>
        <translation>{x} de {loc_code} sigue abierto: regístrelo o descártelo primero</translation>
    </message>
    <message>
        <source>Items: choose at least one item to count</source>
        <translation>Artículos: elija al menos un artículo a contar</translation>
    </message>
    <message>
        <source>Chosen items</source>
        <translation>Artículos elegidos</translation>
    </message>
    <message>
        <source>{scope}: no active items to count</source>
        <translation>{scope}: no hay artículos activos que contar</translation>
    </message>
    <message>
        <source>there is no {x}</source>
        <translation>no existe {x}</translation>
    </message>
    <message>
        <source>{x} is already {count_status}</source>
        <translation>{x} ya está {count_status}</translation>
    </message>
    <message>
        <source>there is no count line {line_id}</source>
        <translation>no existe la línea de recuento {line_id}</translation>
    </message>
    <message>
        <source>{x} is already {row_status}</source>
        <translation>{x} ya está {row_status}</translation>
    </message>
    <message>
        <source>{row_sku}: the count</source>
        <translation>{row_sku}: el recuento</translation>
    </message>
    <message>
        <source>{row_sku} is lot-tracked: add the lot you found, then count it</source>
        <translation>{row_sku} lleva control de lote: añada el lote que encontró y luego cuéntelo</translation>
    </message>
    <message>
        <source>{row_sku}, reason: at most {StockCountLine_reason_type_length} characters</source>
        <translation>{row_sku}, motivo: como máximo {StockCountLine_reason_type_length} caracteres</translation>
    </message>
    <message>
        <source>Item: no such item</source>
        <translation>Artículo: no existe ese artículo</translation>
    </message>
    <message>
        <source>{item_sku} is lot-tracked: give the lot number</source>
        <translation>{item_sku} lleva control de lote: indique el número de lote</translation>
    </message>
    <message>
        <source>Category: {category}</source>
        <translation>Categoría: {category}</translation>
    </message>
    <message>
        <source>Count {count_id} · {location} · {scope}</source>
        <translation>Recuento {count_id} · {location} · {scope}</translation>
    </message>
    <message>
        <source>{x}: nothing has been counted yet</source>
        <translation>{x}: todavía no se ha contado nada</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count_title}&lt;/b&gt; · started {count_started_at:%Y-%m-%d %H:%M} by {count_started_by}</source>
        <translation>&lt;b&gt;{count_title}&lt;/b&gt; · iniciado {count_started_at:%Y-%m-%d %H:%M} por {count_started_by}</translation>
    </message>
    <message>
        <source> · &lt;b&gt;blind&lt;/b&gt;</source>
        <translation> · &lt;b&gt;a ciegas&lt;/b&gt;</translation>
    </message>
    <message>
        <source> · &lt;b&gt;{count_status}&lt;/b&gt;</source>
        <translation> · &lt;b&gt;{count_status}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{done} of {lines} lines counted</source>
        <translation>{done} de {lines} líneas contadas</translation>
    </message>
    <message>
        <source> · {differ} differ from the records ({units:+,} units)</source>
        <translation> · {differ} difieren de los registros ({units:+,} unidades)</translation>
    </message>
    <message>
        <source>. Lines left blank are not posted and keep their stock.</source>
        <translation>. Las líneas en blanco no se registran y conservan sus existencias.</translation>
    </message>
    <message>
        <source>Count {count_id} started: print the sheet, or type the figures here.</source>
        <translation>Recuento {count_id} iniciado: imprima la hoja o escriba aquí las cifras.</translation>
    </message>
    <message>
        <source>Added {match_item_name}: type what you counted.</source>
        <translation>Se añadió {match_item_name}: escriba lo que contó.</translation>
    </message>
    <message>
        <source>Count sheet</source>
        <translation>Hoja de recuento</translation>
    </message>
    <message>
        <source>Start a count first, or pick one on the left.</source>
        <translation>Primero empiece un recuento o elija uno a la izquierda.</translation>
    </message>
    <message>
        <source>Preparing the count sheet…</source>
        <translation>Preparando la hoja de recuento…</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Recuentos</translation>
    </message>
    <message>
        <source>All items</source>
        <translation>Todos los artículos</translation>
    </message>
    <message>
        <source>Chosen items…</source>
        <translation>Artículos elegidos…</translation>
    </message>
    <message>
        <source>Count at</source>
        <translation>Contar en</translation>
    </message>
    <message>
        <source>Items to count</source>
        <translation>Artículos a contar</translation>
    </message>
    <message>
        <source>Post count {count_id}? {differ} line(s) differ from the records and will be set to what was counted. {blank} line(s) were not counted and keep their stock.</source>
        <translation>¿Registrar el recuento {count_id}? {differ} línea(s) difieren de los registros y se fijarán en lo contado. {blank} línea(s) no se contaron y conservan sus existencias.</translation>
    </message>
    <message>
        <source>Posted count {count_id}: {posted_lines} line(s) counted, {posted_differences} corrected, {posted_not_counted} left as they were.</source>
        <translation>Recuento {count_id} registrado: {posted_lines} línea(s) contadas, {posted_differences} corregidas, {posted_not_counted} sin cambios.</translation>
    </message>
    <message>
        <source>Discard count {count_id}? Nothing will be posted.</source>
        <translation>¿Descartar el recuento {count_id}? No se registrará nada.</translation>
    </message>
    <message>
        <source>Count {count_id} discarded.</source>
        <translation>Recuento {count_id} descartado.</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <source>hrsupply hit a problem it did not expect, so the last thing you did may not have finished. Everything saved before it is safe.

Check the screen you were on, and try again. If it happens again, press “Copy details” and send them to whoever supports your program</source>
        <translation>hrsupply encontró un problema inesperado, así que lo último que hizo puede no haberse completado. Todo lo guardado antes está a salvo.

Revise la pantalla en la que estaba e inténtelo de nuevo. Si vuelve a ocurrir, pulse «Copiar detalles» y envíelos a quien dé soporte a su programa</translation>
    </message>
    <message>
        <source> (they are also kept in {folder}).</source>
        <translation> (también se guardan en {folder}).</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Exportar a Excel…</translation>
    </message>
    <message>
        <source>Print or save as PDF…</source>
        <translation>Imprimir o guardar como PDF…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Writing {path}…</source>
        <translation>Escribiendo {path}…</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>Leyendo las cifras…</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Escribiendo {name}…</translation>
    </message>
    <message>
        <source>Saved {path}.</source>
        <translation>Guardado: {path}.</translation>
    </message>
    <message>
        <source>Could not save: {exc}</source>
        <translation>No se pudo guardar: {exc}</translation>
    </message>
    <message>
        <source>Cop&amp;y the problems</source>
        <translation>Cop&amp;iar los problemas</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <source>Your program</source>
        <translation>Su programa</translation>
    </message>
    <message>
        <source>Its name is printed on every sheet and report (load-out sheets, count sheets, the program report).</source>
        <translation>Su nombre se imprime en cada hoja e informe (hojas de carga, hojas de recuento, el informe del programa).</translation>
    </message>
    <message>
        <source>e.g. Eastside Harm Reduction</source>
        <translation>p. ej., Reducción de Daños Eastside</translation>
    </message>
    <message>
        <source>Program name</source>
        <translation>Nombre del programa</translation>
    </message>
    <message>
        <source>Your locations</source>
        <translation>Sus ubicaciones</translation>
    </message>
    <message>
        <source>Where supplies are kept and handed out: the fixed site, each van, partner sites. Kind is site, van or other. Change the names, add a row for each van or partner, or skip.</source>
        <translation>Dónde se guardan y se entregan los suministros: el local fijo, cada unidad móvil, los sitios asociados. El tipo es site, van u other (local, unidad móvil u otro). Cambie los nombres, añada una fila por cada unidad móvil o sitio asociado, u omita este paso.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind (site, van, other)</source>
        <translation>Tipo (site, van, other)</translation>
    </message>
    <message>
        <source>&amp;Add a location</source>
        <translation>&amp;Agregar una ubicación</translation>
    </message>
    <message>
        <source>Re&amp;move the selected location</source>
        <translation>&amp;Quitar la ubicación seleccionada</translation>
    </message>
    <message>
        <source>{n} location(s) added.</source>
        <translation>{n} ubicación(es) agregada(s).</translation>
    </message>
    <message>
        <source>choose the workbook to import, or another way to start</source>
        <translation>elija el libro que quiere importar, u otra forma de empezar</translation>
    </message>
    <message>
        <source>{n} items added.</source>
        <translation>{n} artículos agregados.</translation>
    </message>
    <message>
        <source>Imported {items} items, {locations} locations and {movements} movements.</source>
        <translation>Importados {items} artículos, {locations} ubicaciones y {movements} movimientos.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Your catalog</source>
        <translation>Su catálogo</translation>
    </message>
    <message>
        <source>What you hand out and keep count of. Every item can be changed later in Settings → Items.</source>
        <translation>Lo que entrega y cuenta. Cada artículo se puede cambiar luego en Ajustes → Artículos.</translation>
    </message>
    <message>
        <source>Start from the starter catalog: {n} common supplies</source>
        <translation>Empezar con el catálogo inicial: {n} suministros habituales</translation>
    </message>
    <message>
        <source>Import a spreadsheet (.xlsx: Items, Locations, Par, Movements sheets)</source>
        <translation>Importar una hoja de cálculo (.xlsx: hojas Items, Locations, Par, Movements)</translation>
    </message>
    <message>
        <source>Start empty, and add items in Settings → Items</source>
        <translation>Empezar vacío y añadir artículos en Ajustes → Artículos</translation>
    </message>
    <message>
        <source>the workbook to import</source>
        <translation>el libro que se va a importar</translation>
    </message>
    <message>
        <source>With units, pack sizes and lot tracking where it applies, in: </source>
        <translation>Con unidades, tamaños de paquete y control de lotes donde corresponde, en: </translation>
    </message>
    <message>
        <source>. Naloxone kits know their doses.</source>
        <translation>. Los kits de naloxona saben cuántas dosis tienen.</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Importar una hoja de cálculo</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Libro de Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Your opening stock</source>
        <translation>Sus existencias iniciales</translation>
    </message>
    <message>
        <source>Last, count what is on your shelves, so the records start from what is there: open Counts, choose a location and Start count, print the count sheet if you like, type each figure and Post count. Do it for each location (a van&apos;s load can wait for its first load-out). Home reminds you of the next step until there is stock.

Then add the people who will use the app (Settings → Users): front desk, van crew and supply lead, each with a PIN.</source>
        <translation>Por último, cuente lo que hay en sus estantes para que los registros partan de lo que hay: abra Recuentos, elija una ubicación y Empezar recuento, imprima la hoja si quiere, escriba cada cifra y Registrar recuento. Hágalo en cada ubicación (la carga de una unidad móvil puede esperar a su primera carga). Inicio le recuerda el paso siguiente hasta que haya existencias.

Después añada a las personas que usarán la aplicación (Ajustes → Usuarios): recepción, equipo de la unidad móvil y responsable de suministros, cada una con un PIN.</translation>
    </message>
    <message>
        <source>Set up hrsupply</source>
        <translation>Configurar hrsupply</translation>
    </message>
    <message>
        <source>Step {n} of {n2}</source>
        <translation>Paso {n} de {n2}</translation>
    </message>
    <message>
        <source> · Next skips it; everything here can be changed later in Settings.</source>
        <translation> · Siguiente lo omite; todo se puede cambiar luego en Ajustes.</translation>
    </message>
    <message>
        <source>Go to Home</source>
        <translation>Ir a Inicio</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Reading the balances…</source>
        <translation>Leyendo los saldos…</translation>
    </message>
    <message>
        <source>Adding up the period&apos;s movements…</source>
        <translation>Sumando los movimientos del período…</translation>
    </message>
    <message>
        <source>there is no item {sku!r}</source>
        <translation>no existe el artículo {sku!r}</translation>
    </message>
    <message>
        <source>{column} is a balance, not movements: open the stock card instead</source>
        <translation>{column} es un saldo, no movimientos: abra la ficha de existencias</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Apertura</translation>
    </message>
    <message>
        <source>Transferred in</source>
        <translation>Transferido de entrada</translation>
    </message>
    <message>
        <source>Handed out</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Transferred out</source>
        <translation>Transferido de salida</translation>
    </message>
    <message>
        <source>Disposed</source>
        <translation>Desechado</translation>
    </message>
    <message>
        <source>Count variance</source>
        <translation>Diferencia de recuento</translation>
    </message>
    <message>
        <source>Closing</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>Closing = opening + received + transferred in − handed out − transferred out − disposed ± adjusted ± count variance. Highlighted: a count found a difference the records do not explain.</source>
        <translation>Cierre = apertura + recibido + transferido de entrada − entregado − transferido de salida − desechado ± ajustado ± diferencia de recuento. Resaltado: un recuento encontró una diferencia que los registros no explican.</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Devueltas</translation>
    </message>
    <message>
        <source>Naloxone reason</source>
        <translation>Motivo de la naloxona</translation>
    </message>
    <message>
        <source>Reversals</source>
        <translation>Reversiones</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Por</translation>
    </message>
    <message>
        <source> (est.)</source>
        <translation> (est.)</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anónimo</translation>
    </message>
    <message>
        <source>UNDONE · </source>
        <translation>DESHECHA · </translation>
    </message>
    <message>
        <source>An anonymous walk-in</source>
        <translation>Una visita anónima</translation>
    </message>
    <message>
        <source>Same as the participant&apos;s last visit</source>
        <translation>Igual que la última visita de la persona participante</translation>
    </message>
    <message>
        <source>Choose the lot of the line in hand</source>
        <translation>Elegir el lote de la línea seleccionada</translation>
    </message>
    <message>
        <source>Add a preset</source>
        <translation>Agregar un paquete predefinido</translation>
    </message>
    <message>
        <source>Take the selected line off</source>
        <translation>Quitar la línea seleccionada</translation>
    </message>
    <message>
        <source>One more or one fewer on the selected line</source>
        <translation>Uno más o uno menos en la línea seleccionada</translation>
    </message>
    <message>
        <source>Start the visit over</source>
        <translation>Empezar la visita de nuevo</translation>
    </message>
    <message>
        <source>Where these visits are recorded: click, or Ctrl+Shift+L, to change</source>
        <translation>Dónde se registran estas visitas: haga clic, o Ctrl+Mayús+L, para cambiarlo</translation>
    </message>
    <message>
        <source>Participant code, Enter  ·  F2 anonymous  ·  Ctrl+B build a code</source>
        <translation>Código del participante, Intro  ·  F2 anónimo  ·  Ctrl+B crear un código</translation>
    </message>
    <message>
        <source>Print card  (Ctrl+P)</source>
        <translation>Imprimir tarjeta  (Ctrl+P)</translation>
    </message>
    <message>
        <source>Item name, SKU or scan; a quantity may come first: 20 syr</source>
        <translation>Nombre del artículo, SKU o escaneo; la cantidad puede ir primero: 20 syr</translation>
    </message>
    <message>
        <source>What this visit hands out</source>
        <translation>Lo que se entrega en esta visita</translation>
    </message>
    <message>
        <source>estimated</source>
        <translation>estimado</translation>
    </message>
    <message>
        <source>Estimate from a sharps container…</source>
        <translation>Estimar por un contenedor de objetos punzantes…</translation>
    </message>
    <message>
        <source>Save visit  (Ctrl+Enter)</source>
        <translation>Guardar visita  (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Today&apos;s visits here</source>
        <translation>Visitas de hoy aquí</translation>
    </message>
    <message>
        <source>Undo a visit…</source>
        <translation>Deshacer una visita…</translation>
    </message>
    <message>
        <source>Tally sheet…  (Ctrl+T)</source>
        <translation>Hoja de conteo…  (Ctrl+T)</translation>
    </message>
    <message>
        <source>Location (Ctrl+Shift+L)</source>
        <translation>Ubicación (Ctrl+Mayús+L)</translation>
    </message>
    <message>
        <source>Returns, naloxone, referrals</source>
        <translation>Devoluciones, naloxona, derivaciones</translation>
    </message>
    <message>
        <source>Used syringes &amp;returned  (Alt+R)</source>
        <translation>Jeringas usadas &amp;retornadas  (Alt+R)</translation>
    </message>
    <message>
        <source>&amp;Collecting for (other people)  (Alt+C)</source>
        <translation>Re&amp;coge para (otras personas)  (Alt+C)</translation>
    </message>
    <message>
        <source>&amp;Naloxone refill reason  (Alt+N)</source>
        <translation>Motivo de la recarga de &amp;naloxona  (Alt+N)</translation>
    </message>
    <message>
        <source>Overdose re&amp;versals reported  (Alt+V)</source>
        <translation>Re&amp;versiones de sobredosis informadas  (Alt+V)</translation>
    </message>
    <message>
        <source>R&amp;eferrals made  (Alt+E)</source>
        <translation>Derivaciones &amp;efectuadas  (Alt+E)</translation>
    </message>
    <message>
        <source>   &lt;b&gt;F3&lt;/b&gt; same as last visit</source>
        <translation>   &lt;b&gt;F3&lt;/b&gt; igual que la última visita</translation>
    </message>
    <message>
        <source>at {x}</source>
        <translation>en {x}</translation>
    </message>
    <message>
        <source>Anonymous walk-in.</source>
        <translation>Visita anónima.</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:#a4262c&apos;&gt;New code {match_code}&lt;/b&gt;: never seen before. Check the spelling with the participant.</source>
        <translation>&lt;b style=&apos;color:#a4262c&apos;&gt;Código nuevo {match_code}&lt;/b&gt;: nunca visto. Compruebe la ortografía con la persona participante.</translation>
    </message>
    <message>
        <source>Last visit: </source>
        <translation>Última visita: </translation>
    </message>
    <message>
        <source>  — F3 to repeat</source>
        <translation>  — F3 para repetir</translation>
    </message>
    <message>
        <source>Known code.</source>
        <translation>Código conocido.</translation>
    </message>
    <message>
        <source>{code}: a new participant</source>
        <translation>{code}: una persona participante nueva</translation>
    </message>
    <message>
        <source>New code?</source>
        <translation>¿Código nuevo?</translation>
    </message>
    <message>
        <source>{code} has never been seen. Did you mean:</source>
        <translation>{code} no se ha visto nunca. ¿Quiso decir:</translation>
    </message>
    <message>
        <source>Check the code with the participant.</source>
        <translation>Compruebe el código con la persona participante.</translation>
    </message>
    <message>
        <source>No earlier visit for this code.</source>
        <translation>No hay visitas anteriores con este código.</translation>
    </message>
    <message>
        <source>Total: {x}</source>
        <translation>Total: {x}</translation>
    </message>
    <message>
        <source>Naloxone on this visit: a first kit, or a refill and why? (Alt+N, not required)</source>
        <translation>Naloxona en esta visita: ¿primer kit, o reposición y por qué? (Alt+N, no es obligatorio)</translation>
    </message>
    <message>
        <source>No item matches “{text}”: type part of its name or SKU, or scan it.</source>
        <translation>Ningún artículo coincide con «{text}»: escriba parte de su nombre o SKU, o escanéelo.</translation>
    </message>
    <message>
        <source>a quantity</source>
        <translation>una cantidad</translation>
    </message>
    <message>
        <source>No visit to undo: select one in today&apos;s list that is still standing.</source>
        <translation>No hay visita que deshacer: seleccione en la lista de hoy una que no esté deshecha.</translation>
    </message>
    <message>
        <source>This item has no lots in stock here; it is handed out without one.</source>
        <translation>Este artículo no tiene lotes en existencia aquí; se entrega sin lote.</translation>
    </message>
    <message>
        <source>EXPIRED, do not hand out</source>
        <translation>CADUCADO, no entregar</translation>
    </message>
    <message>
        <source>Earliest expiry first (FEFO)</source>
        <translation>Primero el que caduca antes (FEFO)</translation>
    </message>
    <message>
        <source>{lot} · expires {expiry}{expired} · {n} here</source>
        <translation>{lot} · caduca el {expiry}{expired} · {n} aquí</translation>
    </message>
    <message>
        <source>Lot for {x}</source>
        <translation>Lote de {x}</translation>
    </message>
    <message>
        <source>Expired lot</source>
        <translation>Lote caducado</translation>
    </message>
    <message>
        <source>Lot {picked_lot} expired on {picked_expiry:%Y-%m-%d}.
Hand out from it anyway?</source>
        <translation>El lote {picked_lot} caducó el {picked_expiry:%Y-%m-%d}.
¿Entregar de él de todos modos?</translation>
    </message>
    <message>
        <source>Nothing to save yet: add an item, a return or a referral.</source>
        <translation>Todavía no hay nada que guardar: añada un artículo, una devolución o una derivación.</translation>
    </message>
    <message>
        <source>Saving the visit…</source>
        <translation>Guardando la visita…</translation>
    </message>
    <message>
        <source>an anonymous participant</source>
        <translation>una persona participante anónima</translation>
    </message>
    <message>
        <source>Saved: visit for {who} at {form_occurred_at:%H:%M}.</source>
        <translation>Guardado: visita de {who} a las {form_occurred_at:%H:%M}.</translation>
    </message>
    <message>
        <source>A new participant: Ctrl+P prints their client card.</source>
        <translation>Participante nuevo: Ctrl+P imprime su tarjeta de cliente.</translation>
    </message>
    <message>
        <source>Records show less stock</source>
        <translation>Los registros muestran menos existencias</translation>
    </message>
    <message>
        <source>The records show less than you are handing out:</source>
        <translation>Los registros muestran menos de lo que está entregando:</translation>
    </message>
    <message>
        <source>Save anyway? The difference is recorded as found stock for the supply lead to review.</source>
        <translation>¿Guardar de todos modos? La diferencia se registra como existencias encontradas para que la revise el responsable de suministros.</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Guardar de todos modos</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Empezar de nuevo</translation>
    </message>
    <message>
        <source>Clear this visit? {x} and the figures typed are not saved.</source>
        <translation>¿Borrar esta visita? No se guardan {x} ni las cifras escritas.</translation>
    </message>
    <message>
        <source>Undo visit</source>
        <translation>Deshacer visita</translation>
    </message>
    <message>
        <source>Undo the {row_occurred_at:%H:%M} visit ({x})?

{summary}

The visit stays in the records, marked undone.</source>
        <translation>¿Deshacer la visita de las {row_occurred_at:%H:%M} ({x})?

{summary}

La visita queda en los registros, marcada como deshecha.</translation>
    </message>
    <message>
        <source>Visit undone.</source>
        <translation>Visita deshecha.</translation>
    </message>
    <message>
        <source>Tally sheet saved.</source>
        <translation>Hoja de conteo guardada.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Today here&lt;/b&gt;: {x} · {x2} · {x3} out · {t_syringes_returned:,} returned · {x4}</source>
        <translation>&lt;b&gt;Hoy aquí&lt;/b&gt;: {x} · {x2} · {x3} entregadas · {t_syringes_returned:,} devueltas · {x4}</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>visita</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>visitas</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>codes</source>
        <translation>códigos</translation>
    </message>
    <message>
        <source>syringe</source>
        <translation>jeringa</translation>
    </message>
    <message>
        <source>syringes</source>
        <translation>jeringas</translation>
    </message>
    <message>
        <source>naloxone kit</source>
        <translation>kit de naloxona</translation>
    </message>
    <message>
        <source>naloxone kits</source>
        <translation>kits de naloxona</translation>
    </message>
    <message>
        <source>&lt;b&gt;{x}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{x}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;and {more} more&lt;/i&gt;</source>
        <translation>&lt;i&gt;y {more} más&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Nada aquí.</translation>
    </message>
    <message>
        <source>Handouts per week, last 12 weeks (units, by category)</source>
        <translation>Entregas por semana, últimas 12 semanas (unidades, por categoría)</translation>
    </message>
    <message>
        <source>No handouts in the last 12 weeks.</source>
        <translation>No hubo entregas en las últimas 12 semanas.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Stocked out</source>
        <translation>Agotados</translation>
    </message>
    <message>
        <source>Open Stock →</source>
        <translation>Abrir Existencias →</translation>
    </message>
    <message>
        <source>Below minimum</source>
        <translation>Por debajo del mínimo</translation>
    </message>
    <message>
        <source>Lots expiring</source>
        <translation>Lotes por caducar</translation>
    </message>
    <message>
        <source>Open Supply → Expiry →</source>
        <translation>Abrir Suministros → Caducidad →</translation>
    </message>
    <message>
        <source>Naloxone on hand</source>
        <translation>Naloxona disponible</translation>
    </message>
    <message>
        <source>Open Stock (naloxone) →</source>
        <translation>Abrir Existencias (naloxona) →</translation>
    </message>
    <message>
        <source>Visits today</source>
        <translation>Visitas de hoy</translation>
    </message>
    <message>
        <source>Open Front desk →</source>
        <translation>Abrir Recepción →</translation>
    </message>
    <message>
        <source>Shortfalls to review</source>
        <translation>Faltantes por revisar</translation>
    </message>
    <message>
        <source>Open Supply → Adjust and review →</source>
        <translation>Abrir Suministros → Ajustar y revisar →</translation>
    </message>
    <message>
        <source>Open Reports</source>
        <translation>Abrir Informes</translation>
    </message>
    <message>
        <source>{name} · {location}: {quantity:,} (min {minimum:,})</source>
        <translation>{name} · {location}: {quantity:,} (mín. {minimum:,})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Lots expired or expiring within {board_expiry_window_days} days&lt;/b&gt;</source>
        <translation>&lt;b&gt;Lotes caducados o que caducan en {board_expiry_window_days} días&lt;/b&gt;</translation>
    </message>
    <message>
        <source>  ({n} expired)</source>
        <translation>  ({n} caducados)</translation>
    </message>
    <message>
        <source>{name} lot {lot} · {location}: {quantity:,}, </source>
        <translation>{name} lote {lot} · {location}: {quantity:,}, </translation>
    </message>
    <message>
        <source>&lt;b&gt;expired&lt;/b&gt;</source>
        <translation>&lt;b&gt;caducado&lt;/b&gt;</translation>
    </message>
    <message>
        <source>expires {day:%Y-%m-%d}</source>
        <translation>caduca el {day:%Y-%m-%d}</translation>
    </message>
    <message>
        <source> (min {minimum:,})</source>
        <translation> (mín. {minimum:,})</translation>
    </message>
    <message>
        <source> · {n:,} expired, to dispose of</source>
        <translation> · {n:,} caducados, para desechar</translation>
    </message>
    <message>
        <source>At every location, since midnight.</source>
        <translation>En todas las ubicaciones, desde la medianoche.</translation>
    </message>
    <message>
        <source>{n:,} item(s) added or updated</source>
        <translation>{n:,} artículo(s) añadidos o actualizados</translation>
    </message>
    <message>
        <source>{n:,} location(s)</source>
        <translation>{n:,} ubicación(es)</translation>
    </message>
    <message>
        <source>{n:,} par level(s)</source>
        <translation>{n:,} nivel(es) par</translation>
    </message>
    <message>
        <source>{rows:,} movement row(s), {lines:,} ledger line(s)</source>
        <translation>{rows:,} fila(s) de movimientos, {lines:,} línea(s) del registro</translation>
    </message>
    <message>
        <source>{n:,} row(s) already in the records left out</source>
        <translation>{n:,} fila(s) que ya están en los registros, omitidas</translation>
    </message>
    <message>
        <source>Workbook file</source>
        <translation>Archivo del libro</translation>
    </message>
    <message>
        <source>an .xlsx workbook with Items, Locations, Par or Movements sheets</source>
        <translation>un libro .xlsx con hojas Items, Locations, Par o Movements</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Elegir archivo…</translation>
    </message>
    <message>
        <source>&amp;Leave out rows already in the records (an export imported again)</source>
        <translation>&amp;Omitir las filas que ya están en los registros (una exportación importada de nuevo)</translation>
    </message>
    <message>
        <source>C&amp;heck the file</source>
        <translation>&amp;Comprobar el archivo</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Nothing read yet: choose a workbook, then check it. Nothing is written until Import.</source>
        <translation>Aún no se ha leído nada: elija un libro y compruébelo. No se escribe nada hasta Importar.</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Qué está mal</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Problemas encontrados</translation>
    </message>
    <message>
        <source>Cop&amp;y problems</source>
        <translation>Cop&amp;iar problemas</translation>
    </message>
    <message>
        <source>&amp;Save problems…</source>
        <translation>&amp;Guardar problemas…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;About hrsupply</source>
        <translation>Acerca &amp;de hrsupply</translation>
    </message>
    <message>
        <source>not stated in this build</source>
        <translation>no indicada en esta versión</translation>
    </message>
    <message>
        <source>hrsupply {version}: supplies and visits for syringe services programs.</source>
        <translation>hrsupply {version}: suministros y visitas para programas de servicios de jeringas.</translation>
    </message>
    <message>
        <source>Data folder: {x}</source>
        <translation>Carpeta de datos: {x}</translation>
    </message>
    <message>
        <source>Database: {x}</source>
        <translation>Base de datos: {x}</translation>
    </message>
    <message>
        <source>Licence: {x}</source>
        <translation>Licencia: {x}</translation>
    </message>
    <message>
        <source>About hrsupply</source>
        <translation>Acerca de hrsupply</translation>
    </message>
    <message>
        <source>Open {x}</source>
        <translation>Abrir {x}</translation>
    </message>
    <message>
        <source>Lock the screen</source>
        <translation>Bloquear la pantalla</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Esta lista</translation>
    </message>
    <message>
        <source>The {x} menu</source>
        <translation>El menú {x}</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Qué hace</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Keys of {x}</source>
        <translation>Teclas de {x}</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Backups (*.sqlite *.dump)</source>
        <translation>Copias de seguridad (*.sqlite *.dump)</translation>
    </message>
    <message>
        <source>Replace the database with {x}?
Other workstations should be closed first. The database as it is now is kept beside the backups.

PIN or password of {user} (an admin of the backup):</source>
        <translation>¿Reemplazar la base de datos por {x}?
Cierre antes las demás estaciones de trabajo. La base de datos tal como está ahora se guarda junto a las copias de seguridad.

PIN o contraseña de {user} (administrador de la copia):</translation>
    </message>
    <message>
        <source>The database as it was is kept in {x}.</source>
        <translation>La base de datos tal como estaba se guarda en {x}.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restaurada</translation>
    </message>
    <message>
        <source>Restored {x}. Sign in again to use it.</source>
        <translation>Restaurada {x}. Vuelva a iniciar sesión para usarla.</translation>
    </message>
    <message>
        <source>Not restored</source>
        <translation>No restaurada</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Comprobando y restaurando la copia de seguridad…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>A workbook is imported whole or not at all. Sheets: Items, Locations, Par, Movements (headers in row 1, any order). Check it first: every problem is listed by sheet, row and column.</source>
        <translation>Un libro se importa entero o nada. Hojas: Items, Locations, Par, Movements (encabezados en la fila 1, en cualquier orden). Compruébelo primero: cada problema se lista por hoja, fila y columna.</translation>
    </message>
    <message>
        <source>Choose a workbook first.</source>
        <translation>Primero elija un libro.</translation>
    </message>
    <message>
        <source>Checking {path_name}…</source>
        <translation>Comprobando {path_name}…</translation>
    </message>
    <message>
        <source>&lt;b&gt;{found:,} problem(s): nothing can be imported.&lt;/b&gt; It holds {said}.</source>
        <translation>&lt;b&gt;{found:,} problema(s): no se puede importar nada.&lt;/b&gt; Contiene {said}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to import&lt;/b&gt; {said}.</source>
        <translation>&lt;b&gt;Listo para importar&lt;/b&gt; {said}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;</source>
        <translation>&lt;b&gt;No se importó nada.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{n:,} problem(s): see the list.</source>
        <translation>{n:,} problema(s): vea la lista.</translation>
    </message>
    <message>
        <source>Importing {prepared_path_name}…</source>
        <translation>Importando {prepared_path_name}…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Imported&lt;/b&gt; {x}.</source>
        <translation>&lt;b&gt;Importado&lt;/b&gt; {x}.</translation>
    </message>
    <message>
        <source>Imported. Every screen shows it now.</source>
        <translation>Importado. Todas las pantallas ya lo muestran.</translation>
    </message>
    <message>
        <source>Copied {x:,} problem(s).</source>
        <translation>Se copiaron {x:,} problema(s).</translation>
    </message>
    <message>
        <source>Save the problems</source>
        <translation>Guardar los problemas</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {target}.</source>
        <translation>Guardado: {target}.</translation>
    </message>
    <message>
        <source>Export everything — the workbook is not encrypted and holds participant codes: keep it safe</source>
        <translation>Exportar todo — el libro no está cifrado y contiene códigos de participantes: guárdelo en un lugar seguro</translation>
    </message>
    <message>
        <source>Writing {path_name}…</source>
        <translation>Escribiendo {path_name}…</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>Existencias</translation>
    </message>
    <message>
        <source>hrsupply{title_suffix}</source>
        <translation>hrsupply{title_suffix}</translation>
    </message>
    <message>
        <source>Screens</source>
        <translation>Pantallas</translation>
    </message>
    <message>
        <source>Lock  (Ctrl+L)</source>
        <translation>Bloquear  (Ctrl+L)</translation>
    </message>
    <message>
        <source>Signed in as {account_username} ({account_role_label}) · database {x}</source>
        <translation>Sesión de {account_username} ({account_role_label}) · base de datos {x}</translation>
    </message>
    <message>
        <source>&amp;Import spreadsheet…</source>
        <translation>&amp;Importar hoja de cálculo…</translation>
    </message>
    <message>
        <source>&amp;Export everything…</source>
        <translation>&amp;Exportar todo…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Synced {x}</source>
        <translation>Sincronizado {x}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Aún sin sincronizar</translation>
    </message>
    <message>
        <source>Not synced for {n} day(s)</source>
        <translation>Sin sincronizar hace {n} día(s)</translation>
    </message>
    <message>
        <source> · {n} waiting to go</source>
        <translation> · {n} por enviar</translation>
    </message>
    <message>
        <source>Sent and received with the central (Van → Sync)</source>
        <translation>Enviado y recibido con la central (Unidad móvil → Sincronizar)</translation>
    </message>
    <message>
        <source>Backed up to {made_path}</source>
        <translation>Copia hecha en {made_path}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>La copia falló</translation>
    </message>
    <message>
        <source>The automatic backup failed: {exc}
Check the backup folder in Settings → Program.</source>
        <translation>La copia automática falló: {exc}
Revise la carpeta de copias en Ajustes → Programa.</translation>
    </message>
    <message>
        <source>hrsupply</source>
        <translation>hrsupply</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Cancelado: no se escribió nada.</translation>
    </message>
    <message>
        <source>Zoom &amp;in  (Ctrl++)</source>
        <translation>&amp;Acercar  (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom &amp;out  (Ctrl+-)</source>
        <translation>A&amp;lejar  (Ctrl+-)</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Ajustar al a&amp;ncho</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <source>{n} page{x}</source>
        <translation>{n} página{x}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Load-out sheet</source>
        <translation>Hoja de carga</translation>
    </message>
    <message>
        <source>All locations</source>
        <translation>Todas las ubicaciones</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mes</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>El mes pasado</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>El trimestre pasado</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>El año pasado</translation>
    </message>
    <message>
        <source>For a fu&amp;nder…</source>
        <translation>Para un fi&amp;nanciador…</translation>
    </message>
    <message>
        <source>Working out the program report…</source>
        <translation>Calculando el informe del programa…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Program report&lt;/b&gt; · {report_place} · {report_period}</source>
        <translation>&lt;b&gt;Informe del programa&lt;/b&gt; · {report_place} · {report_period}</translation>
    </message>
    <message>
        <source>&lt;br&gt;{n} visit(s) of this period arrived from a van laptop after it ended (the last on {x}): a report made before then showed less.</source>
        <translation>&lt;br&gt;{n} visita(s) de este período llegaron de una laptop de unidad móvil después de que terminó (la última el {x}): un informe hecho antes mostraba menos.</translation>
    </message>
    <message>
        <source>a month</source>
        <translation>un mes</translation>
    </message>
    <message>
        <source>a quarter</source>
        <translation>un trimestre</translation>
    </message>
    <message>
        <source>half a year</source>
        <translation>un semestre</translation>
    </message>
    <message>
        <source>a year</source>
        <translation>un año</translation>
    </message>
    <message>
        <source>a calendar year</source>
        <translation>un año natural</translation>
    </message>
    <message>
        <source>Report for a funder</source>
        <translation>Informe para un financiador</translation>
    </message>
    <message>
        <source>Funder&apos;s template</source>
        <translation>Plantilla del financiador</translation>
    </message>
    <message>
        <source>A day in the period</source>
        <translation>Un día del periodo</translation>
    </message>
    <message>
        <source>&amp;Template</source>
        <translation>&amp;Plantilla</translation>
    </message>
    <message>
        <source>A &amp;day in the period</source>
        <translation>Un &amp;día del periodo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>The funder&apos;s figures</source>
        <translation>Las cifras del financiador</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>Guardar como &amp;CSV…</translation>
    </message>
    <message>
        <source>{period} ({kind})</source>
        <translation>{period} ({kind})</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>The figures are not there yet: pick a period first.</source>
        <translation>Las cifras aún no están: elija primero un periodo.</translation>
    </message>
    <message>
        <source>Saved {written}.</source>
        <translation>Guardado: {written}.</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>end</source>
        <translation>final</translation>
    </message>
    <message>
        <source>Saved. Every workstation uses it from now on.</source>
        <translation>Guardado. Todas las estaciones de trabajo lo usan desde ahora.</translation>
    </message>
    <message>
        <source>printed under the name on every sheet (optional)</source>
        <translation>se imprime bajo el nombre en cada hoja (opcional)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source> months</source>
        <translation> meses</translation>
    </message>
    <message>
        <source>Show 1 to 4 participants as “&lt;5” in reports sent outside</source>
        <translation>Mostrar 1 a 4 participantes como «&lt;5» fuera del programa</translation>
    </message>
    <message>
        <source>Program &amp;name</source>
        <translation>&amp;Nombre del programa</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <source>Lots count as &amp;expiring within</source>
        <translation>Los lotes cuentan como &amp;por caducar dentro de</translation>
    </message>
    <message>
        <source>Reorder: average &amp;use over the last</source>
        <translation>Pedidos: uso medio de los ú&amp;ltimos</translation>
    </message>
    <message>
        <source>Reorder: order up to</source>
        <translation>Pedidos: pedir hasta</translation>
    </message>
    <message>
        <source>Overstocked above</source>
        <translation>Exceso de existencias por encima de</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Text size</source>
        <translation>&amp;Tamaño del texto</translation>
    </message>
    <message>
        <source>&lt;b&gt;The program&lt;/b&gt; (every workstation)</source>
        <translation>&lt;b&gt;El programa&lt;/b&gt; (todas las estaciones de trabajo)</translation>
    </message>
    <message>
        <source>&lt;b&gt;This workstation&lt;/b&gt; (from the next start)</source>
        <translation>&lt;b&gt;Esta estación de trabajo&lt;/b&gt; (desde el próximo inicio)</translation>
    </message>
    <message>
        <source>The program needs a name: it heads every printed sheet.</source>
        <translation>El programa necesita un nombre: encabeza cada hoja impresa.</translation>
    </message>
    <message>
        <source>Saved. The language and text size of this workstation take effect at the next start.</source>
        <translation>Guardado. El idioma y el tamaño del texto de esta estación de trabajo se aplican al próximo inicio.</translation>
    </message>
    <message>
        <source>year</source>
        <translation>año</translation>
    </message>
    <message>
        <source>Participant code: the questions</source>
        <translation>Código de participante: las preguntas</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pregunta</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <source>Keep (start or end)</source>
        <translation>Conservar (inicio o final)</translation>
    </message>
    <message>
        <source>Presets (F5–F8)</source>
        <translation>Combinaciones (F5–F8)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Combinación</translation>
    </message>
    <message>
        <source>Item (SKU)</source>
        <translation>Artículo (SKU)</translation>
    </message>
    <message>
        <source>Sharps containers</source>
        <translation>Contenedores de objetos punzantes</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>Syringes when full</source>
        <translation>Jeringas cuando está lleno</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Derivación</translation>
    </message>
    <message>
        <source>Anonymous visits</source>
        <translation>Visitas anónimas</translation>
    </message>
    <message>
        <source>Unique participants</source>
        <translation>Participantes únicos</translation>
    </message>
    <message>
        <source>New participants</source>
        <translation>Participantes nuevos</translation>
    </message>
    <message>
        <source>Returning participants</source>
        <translation>Participantes que regresan</translation>
    </message>
    <message>
        <source>Client cards issued</source>
        <translation>Tarjetas de cliente emitidas</translation>
    </message>
    <message>
        <source>Replacement cards (of those issued)</source>
        <translation>Tarjetas de reemplazo (de las emitidas)</translation>
    </message>
    <message>
        <source>Reading the period&apos;s visits and movements…</source>
        <translation>Leyendo las visitas y los movimientos del período…</translation>
    </message>
    <message>
        <source>Adding up the figures…</source>
        <translation>Sumando las cifras…</translation>
    </message>
    <message>
        <source>Counting people…</source>
        <translation>Contando personas…</translation>
    </message>
    <message>
        <source>Checking small counts…</source>
        <translation>Revisando los conteos pequeños…</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Handed out, by category</source>
        <translation>Entregado, por categoría</translation>
    </message>
    <message>
        <source>{category}: of them in kits</source>
        <translation>{category}: de ellos, en kits</translation>
    </message>
    <message>
        <source>Handed out, by item</source>
        <translation>Entregado, por artículo</translation>
    </message>
    <message>
        <source>Syringes</source>
        <translation>Jeringas</translation>
    </message>
    <message>
        <source>Handed out (in kits too)</source>
        <translation>Entregadas (también en kits)</translation>
    </message>
    <message>
        <source>Handed out in kits</source>
        <translation>Entregadas en kits</translation>
    </message>
    <message>
        <source>Handed out: {name}</source>
        <translation>Entregado: {name}</translation>
    </message>
    <message>
        <source>Returned (counted and estimated)</source>
        <translation>Devueltas (contadas y estimadas)</translation>
    </message>
    <message>
        <source>Returned, counted</source>
        <translation>Devueltas, contadas</translation>
    </message>
    <message>
        <source>Returned, estimated</source>
        <translation>Devueltas, estimadas</translation>
    </message>
    <message>
        <source>Returned, estimated by weight</source>
        <translation>Devueltas, estimadas por peso</translation>
    </message>
    <message>
        <source>People reached through secondary distribution</source>
        <translation>Personas alcanzadas por distribución secundaria</translation>
    </message>
    <message>
        <source>Handed out per participant</source>
        <translation>Entregadas por participante</translation>
    </message>
    <message>
        <source>Returned for each one handed out</source>
        <translation>Devueltas por cada una entregada</translation>
    </message>
    <message>
        <source>Drug checking</source>
        <translation>Análisis de sustancias</translation>
    </message>
    <message>
        <source>Test strips: {name}</source>
        <translation>Tiras reactivas: {name}</translation>
    </message>
    <message>
        <source>Naloxone</source>
        <translation>Naloxona</translation>
    </message>
    <message>
        <source>Kits handed out</source>
        <translation>Kits entregados</translation>
    </message>
    <message>
        <source>Doses handed out</source>
        <translation>Dosis entregadas</translation>
    </message>
    <message>
        <source>Kits handed out: {form}</source>
        <translation>Kits entregados: {form}</translation>
    </message>
    <message>
        <source>First kits</source>
        <translation>Primeros kits</translation>
    </message>
    <message>
        <source>Refills: {name}</source>
        <translation>Recargas: {name}</translation>
    </message>
    <message>
        <source>Kits with no reason recorded</source>
        <translation>Kits sin motivo registrado</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Derivaciones</translation>
    </message>
    <message>
        <source>Received: {name}</source>
        <translation>Recibido: {name}</translation>
    </message>
    <message>
        <source>Received from {kind}: {name}</source>
        <translation>Recibido de {kind}: {name}</translation>
    </message>
    <message>
        <source>Disposed ({reason}): {name}</source>
        <translation>Desechado ({reason}): {name}</translation>
    </message>
    <message>
        <source>Disposed, share of what was received: {name}</source>
        <translation>Desechado, parte de lo recibido: {name}</translation>
    </message>
    <message>
        <source>Disposed: {name}</source>
        <translation>Desechado: {name}</translation>
    </message>
    <message>
        <source>Stock at the end: {name}</source>
        <translation>Existencias al final: {name}</translation>
    </message>
    <message>
        <source>Naloxone reasons</source>
        <translation>Motivos de la naloxona</translation>
    </message>
    <message>
        <source>Reason (“first kit” is always offered first)</source>
        <translation>Motivo («primer kit» siempre se ofrece primero)</translation>
    </message>
    <message>
        <source>no: counted only</source>
        <translation>no: solo se cuentan</translation>
    </message>
    <message>
        <source>Returns weighed: syringes to the &amp;pound</source>
        <translation>Devoluciones pesadas: jeringas por &amp;libra</translation>
    </message>
    <message>
        <source>Weight typed in</source>
        <translation>Peso escrito en</translation>
    </message>
    <message>
        <source>A participant&apos;s code is built from answers only they know; the answers are never kept. Changing the questions changes every new code: returning participants get a new one.</source>
        <translation>El código de una persona participante se crea con respuestas que solo ella conoce; las respuestas nunca se guardan. Cambiar las preguntas cambia cada código nuevo: quienes regresan reciben uno nuevo.</translation>
    </message>
    <message>
        <source>Code question {n}: characters must be a whole number of at least 1</source>
        <translation>Pregunta {n} del código: los caracteres deben ser un número entero de al menos 1</translation>
    </message>
    <message>
        <source>Code question {n}: keep the “start” or the “end” of the answer, not {take!r}</source>
        <translation>Pregunta {n} del código: conserve el «inicio» o el «final» de la respuesta, no {take!r}</translation>
    </message>
    <message>
        <source>The participant code needs at least one question</source>
        <translation>El código de participante necesita al menos una pregunta</translation>
    </message>
    <message>
        <source>Sharps container {name}: how many syringes when full?</source>
        <translation>Contenedor de objetos punzantes {name}: ¿cuántas jeringas caben lleno?</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <source>Presets, row {n}: no item has the SKU {sku!r}</source>
        <translation>Combinaciones, fila {n}: ningún artículo tiene el SKU {sku!r}</translation>
    </message>
    <message>
        <source>Presets, row {n}: the quantity must be a whole number of at least 1</source>
        <translation>Combinaciones, fila {n}: la cantidad debe ser un número entero de al menos 1</translation>
    </message>
    <message>
        <source>Example: {exc}</source>
        <translation>Ejemplo: {exc}</translation>
    </message>
    <message>
        <source>Example: {said} → &lt;b&gt;{code}&lt;/b&gt;</source>
        <translation>Ejemplo: {said} → &lt;b&gt;{code}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; — {to_name}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; — {to_name}</translation>
    </message>
    <message>
        <source>{program} &amp;nbsp;·&amp;nbsp; {day} &amp;nbsp;·&amp;nbsp; from {from_name}</source>
        <translation>{program} &amp;nbsp;·&amp;nbsp; {day} &amp;nbsp;·&amp;nbsp; desde {from_name}</translation>
    </message>
    <message>
        <source>Crew: {x}</source>
        <translation>Equipo: {x}</translation>
    </message>
    <message>
        <source>Pack</source>
        <translation>Paquete</translation>
    </message>
    <message>
        <source>To load</source>
        <translation>A cargar</translation>
    </message>
    <message>
        <source>Lots to take (expiry)</source>
        <translation>Lotes a llevar (caducidad)</translation>
    </message>
    <message>
        <source>{line_name}&lt;br/&gt;&lt;font size=7 color=&apos;#555555&apos;&gt;{line_sku}&lt;/font&gt;</source>
        <translation>{line_name}&lt;br/&gt;&lt;font size=7 color=&apos;#555555&apos;&gt;{line_sku}&lt;/font&gt;</translation>
    </message>
    <message>
        <source>{n} line{x} to load: {total}</source>
        <translation>{n} línea{x} a cargar: {total}</translation>
    </message>
    <message>
        <source> · &lt;b&gt;{n} short&lt;/b&gt; (highlighted: the source does not have enough)</source>
        <translation> · &lt;b&gt;{n} con faltante&lt;/b&gt; (resaltado: el origen no tiene suficiente)</translation>
    </message>
    <message>
        <source>Loaded by: ______________________________</source>
        <translation>Cargado por: ______________________________</translation>
    </message>
    <message>
        <source>Time: ____________</source>
        <translation>Hora: ____________</translation>
    </message>
    <message>
        <source>Van reconciliation — {van_name}</source>
        <translation>Conciliación de la unidad móvil — {van_name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Van reconciliation&lt;/b&gt; — {van_name}</source>
        <translation>&lt;b&gt;Conciliación de la unidad móvil&lt;/b&gt; — {van_name}</translation>
    </message>
    <message>
        <source>{program} &amp;nbsp;·&amp;nbsp; {period}</source>
        <translation>{program} &amp;nbsp;·&amp;nbsp; {period}</translation>
    </message>
    <message>
        <source>Handed
out</source>
        <translation>Entre-
gado</translation>
    </message>
    <message>
        <source>{l_name}&lt;br/&gt;&lt;font size=7 color=&apos;#555555&apos;&gt;{l_sku}&lt;/font&gt;</source>
        <translation>{l_name}&lt;br/&gt;&lt;font size=7 color=&apos;#555555&apos;&gt;{l_sku}&lt;/font&gt;</translation>
    </message>
    <message>
        <source>not&lt;br/&gt;counted</source>
        <translation>no&lt;br/&gt;contado</translation>
    </message>
    <message>
        <source>{n} items · {n2} with a variance (highlighted)</source>
        <translation>{n} artículos · {n2} con diferencia (resaltados)</translation>
    </message>
    <message>
        <source>Packs</source>
        <translation>Paquetes</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <source>Receiving what was ordered fills the lines with what is still due</source>
        <translation>Recibir lo pedido llena las líneas con lo que aún se espera</translation>
    </message>
    <message>
        <source>Packing slip or order number</source>
        <translation>Albarán o número de pedido</translation>
    </message>
    <message>
        <source>Item: type or scan a barcode, then Enter (&quot;3 box&quot; for three boxes)</source>
        <translation>Artículo: escriba o escanee un código de barras y pulse Intro («3 caja» para tres cajas)</translation>
    </message>
    <message>
        <source>Remove line  (Delete)</source>
        <translation>Quitar línea  (Supr)</translation>
    </message>
    <message>
        <source>Against order</source>
        <translation>Contra el pedido</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Date received</source>
        <translation>Fecha de recepción</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Recibido en</translation>
    </message>
    <message>
        <source>No single item matches “{text}”: type more of its name, or scan again.</source>
        <translation>Ningún artículo coincide solo con «{text}»: escriba más de su nombre o escanee de nuevo.</translation>
    </message>
    <message>
        <source>— choose where this came from —</source>
        <translation>— elija de dónde vino —</translation>
    </message>
    <message>
        <source>— none: a delivery nobody ordered, a donation —</source>
        <translation>— ninguno: una entrega que nadie pidió, una donación —</translation>
    </message>
    <message>
        <source>{o_number} · {o_source} · {o_status} · {o_due:,} units due</source>
        <translation>{o_number} · {o_source} · {o_status} · {o_due:,} unidades pendientes</translation>
    </message>
    <message>
        <source>{form_reference}: {n} lines still due. Change the counts to what arrived; a line that did not come can be removed.</source>
        <translation>{form_reference}: {n} líneas aún pendientes. Cambie las cantidades a lo que llegó; una línea que no llegó se puede quitar.</translation>
    </message>
    <message>
        <source>single {item_unit}</source>
        <translation>{item_unit} suelto</translation>
    </message>
    <message>
        <source>{p_name} of {p_units:,}</source>
        <translation>{p_name} de {p_units:,}</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>número de lote</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <source>No lines yet.</source>
        <translation>Aún no hay líneas.</translation>
    </message>
    <message>
        <source>Choose the source first: where this delivery came from.</source>
        <translation>Elija primero el origen: de dónde vino esta entrega.</translation>
    </message>
    <message>
        <source>Add a source first (Settings → Sources): where deliveries come from.</source>
        <translation>Primero añada un origen (Ajustes → Orígenes): de dónde vienen las entregas.</translation>
    </message>
    <message>
        <source>Receive {lines} from {source}</source>
        <translation>Recibir {lines} de {source}</translation>
    </message>
    <message>
        <source>line</source>
        <translation>línea</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>líneas</translation>
    </message>
    <message>
        <source>Received {lines} ({units}) from {source}.</source>
        <translation>Recibido: {lines} ({units}) de {source}.</translation>
    </message>
    <message>
        <source>Receiving…</source>
        <translation>Recibiendo…</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Líneas</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>Recepciones</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Receipts in the period</source>
        <translation>Recepciones del período</translation>
    </message>
    <message>
        <source>Lines of the selected receipt</source>
        <translation>Líneas de la recepción seleccionada</translation>
    </message>
    <message>
        <source>&lt;b&gt;Totals by source&lt;/b&gt; (donated, purchased and state-allocated, for funders)</source>
        <translation>&lt;b&gt;Totales por origen&lt;/b&gt; (donado, comprado y asignado por el estado, para los financiadores)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>On hand
(usable)</source>
        <translation>Disponible
(utilizable)</translation>
    </message>
    <message>
        <source>Expired
/ soon</source>
        <translation>Caducado
/ pronto</translation>
    </message>
    <message>
        <source>On
order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>Usado</translation>
    </message>
    <message>
        <source>Days
out</source>
        <translation>Días
agotado</translation>
    </message>
    <message>
        <source>AMC</source>
        <translation>CMP</translation>
    </message>
    <message>
        <source>Months
of stock</source>
        <translation>Meses de
existencias</translation>
    </message>
    <message>
        <source>stocked out</source>
        <translation>agotado</translation>
    </message>
    <message>
        <source>below minimum</source>
        <translation>por debajo del mínimo</translation>
    </message>
    <message>
        <source>reorder</source>
        <translation>pedir</translation>
    </message>
    <message>
        <source>overstocked</source>
        <translation>exceso de existencias</translation>
    </message>
    <message>
        <source>use over the {days} days recorded</source>
        <translation>uso en los {days} días registrados</translation>
    </message>
    <message>
        <source>use over {months} months</source>
        <translation>uso en {months} meses</translation>
    </message>
    <message>
        <source>Usable on hand</source>
        <translation>Disponible utilizable</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Caduca pronto</translation>
    </message>
    <message>
        <source>On order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Used ({days} days)</source>
        <translation>Usado ({days} días)</translation>
    </message>
    <message>
        <source>Used ({months} mo)</source>
        <translation>Usado ({months} meses)</translation>
    </message>
    <message>
        <source>Days out</source>
        <translation>Días agotado</translation>
    </message>
    <message>
        <source>Months of stock</source>
        <translation>Meses de existencias</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Mín.</translation>
    </message>
    <message>
        <source>Par</source>
        <translation>Par</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Order pack</source>
        <translation>Paquete de pedido</translation>
    </message>
    <message>
        <source>Packs to order</source>
        <translation>Paquetes a pedir</translation>
    </message>
    <message>
        <source>Units to order</source>
        <translation>Unidades a pedir</translation>
    </message>
    <message>
        <source>kits to assemble</source>
        <translation>kits a armar</translation>
    </message>
    <message>
        <source>{pack} of {units:,}</source>
        <translation>{pack} de {units:,}</translation>
    </message>
    <message>
        <source>single</source>
        <translation>suelto</translation>
    </message>
    <message>
        <source>{program} · {place} · {use}, {period} · target {months} months of stock</source>
        <translation>{program} · {place} · {use}, {period} · objetivo {months} meses de existencias</translation>
    </message>
    <message>
        <source>Order sheet</source>
        <translation>Hoja de pedido</translation>
    </message>
    <message>
        <source>On hand counts usable stock only: expired units are listed apart, to dispose of. AMC: average monthly use, corrected for days out of stock. Target: the highest of par, minimum and target months × AMC. Suggested packs bring on hand plus on order up to the target (kits: how many to assemble). Highlighted: stocked out or below minimum.</source>
        <translation>Lo disponible cuenta solo existencias utilizables: las unidades caducadas se listan aparte, para desecharlas. CMP: consumo medio mensual, corregido por los días agotado. Objetivo: el mayor entre el nivel par, el mínimo y los meses objetivo × CMP. Los paquetes sugeridos llevan lo disponible más lo pedido hasta el objetivo (kits: cuántos armar). Resaltado: agotado o por debajo del mínimo.</translation>
    </message>
    <message>
        <source>Order
pack</source>
        <translation>Paquete
de pedido</translation>
    </message>
    <message>
        <source>Packs
to order</source>
        <translation>Paquetes
a pedir</translation>
    </message>
    <message>
        <source>assembled here</source>
        <translation>se arma aquí</translation>
    </message>
    <message>
        <source>no default source</source>
        <translation>sin origen predeterminado</translation>
    </message>
    <message>
        <source>{expired:,} expired (not counted as on hand; dispose of them) · {expiring:,} of the usable stock expire within the expiry window</source>
        <translation>{expired:,} caducados (no cuentan como disponibles; deséchelos) · {expiring:,} de las existencias utilizables caducan dentro del plazo de caducidad</translation>
    </message>
    <message>
        <source>{used:,} used in {days} days out of stock: corrected for the days the shelf was empty</source>
        <translation>{used:,} usados con {days} días agotado: corregido por los días en que el estante estuvo vacío</translation>
    </message>
    <message>
        <source>Only what to order</source>
        <translation>Solo lo que hay que pedir</translation>
    </message>
    <message>
        <source>Use over the last</source>
        <translation>Uso de los últimos</translation>
    </message>
    <message>
        <source>Order up to</source>
        <translation>Pedir hasta</translation>
    </message>
    <message>
        <source>Create draft orders</source>
        <translation>Crear borradores de pedido</translation>
    </message>
    <message>
        <source>No default source:</source>
        <translation>Sin origen predeterminado:</translation>
    </message>
    <message>
        <source>AMC: average monthly use, corrected for the days the item was out. Target: the highest of par, minimum and months of stock × AMC. Suggested packs bring on hand plus on order up to the target; change them before drafting orders. Kits assembled here are not ordered.</source>
        <translation>CMP: consumo medio mensual, corregido por los días en que el artículo estuvo agotado. Objetivo: el mayor entre el nivel par, el mínimo y los meses de existencias × CMP. Los paquetes sugeridos llevan lo disponible más lo pedido hasta el objetivo; cámbielos antes de crear los pedidos. Los kits que se arman aquí no se piden.</translation>
    </message>
    <message>
        <source>{n} items · {urgent} stocked out or below minimum · {n2} to order · {view_use_label} since {x:%Y-%m-%d}</source>
        <translation>{n} artículos · {urgent} agotados o por debajo del mínimo · {n2} a pedir · {view_use_label} desde {x:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>Drafted {n} order{x}: {x2}. Check and send them on the Purchase orders tab.</source>
        <translation>Se crearon {n} borrador{x} de pedido: {x2}. Revíselos y envíelos en la pestaña Órdenes de compra.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Deliver to</source>
        <translation>Entregar en</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Pedido</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Suggestions for</source>
        <translation>Sugerencias para</translation>
    </message>
    <message>
        <source>Whole program</source>
        <translation>Todo el programa</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <source>Still due</source>
        <translation>Aún pendiente</translation>
    </message>
    <message>
        <source>Show received and closed orders</source>
        <translation>Mostrar pedidos recibidos y cerrados</translation>
    </message>
    <message>
        <source>New draft order</source>
        <translation>Nuevo borrador de pedido</translation>
    </message>
    <message>
        <source>New order to</source>
        <translation>Nuevo pedido a</translation>
    </message>
    <message>
        <source>deliver to</source>
        <translation>entregar en</translation>
    </message>
    <message>
        <source>Select an order to see its lines.</source>
        <translation>Seleccione un pedido para ver sus líneas.</translation>
    </message>
    <message>
        <source>Add an item to this draft: type or scan, then Enter (&quot;5 syr&quot; for 5 packs)</source>
        <translation>Añada un artículo a este borrador: escriba o escanee y pulse Intro («5 syr» para 5 paquetes)</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Marcar como enviado</translation>
    </message>
    <message>
        <source>Receive against this order…</source>
        <translation>Recibir contra este pedido…</translation>
    </message>
    <message>
        <source>Print order…</source>
        <translation>Imprimir pedido…</translation>
    </message>
    <message>
        <source>Close: the rest will not come</source>
        <translation>Cerrar: el resto no llegará</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Eliminar borrador</translation>
    </message>
    <message>
        <source>No single item matches {text!r}.</source>
        <translation>Ningún artículo coincide solo con {text!r}.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{order_number}&lt;/b&gt; · {order_source} · deliver to {order_location} · {order_status}</source>
        <translation>&lt;b&gt;{order_number}&lt;/b&gt; · {order_source} · entregar en {order_location} · {order_status}</translation>
    </message>
    <message>
        <source>Add a source and a site in Settings first.</source>
        <translation>Primero añada un origen y un local en Ajustes.</translation>
    </message>
    <message>
        <source>{x} drafted: add its items below.</source>
        <translation>{x} creado: añada sus artículos abajo.</translation>
    </message>
    <message>
        <source>Close order</source>
        <translation>Cerrar pedido</translation>
    </message>
    <message>
        <source>Why will the rest not come? (optional)</source>
        <translation>¿Por qué no llegará el resto? (opcional)</translation>
    </message>
    <message>
        <source>Purchase order</source>
        <translation>Orden de compra</translation>
    </message>
    <message>
        <source>Preparing the order…</source>
        <translation>Preparando el pedido…</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Sugerencias</translation>
    </message>
    <message>
        <source>Purchase orders</source>
        <translation>Órdenes de compra</translation>
    </message>
    <message>
        <source>Reorder</source>
        <translation>Pedidos</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Other location</source>
        <translation>Otra ubicación</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registrado por</translation>
    </message>
    <message>
        <source>Double-click a figure to see the movements behind it.</source>
        <translation>Haga doble clic en una cifra para ver los movimientos que la forman.</translation>
    </message>
    <message>
        <source>Closing = opening + received + transferred in − handed out − transferred out − disposed ± adjusted ± count variance. A count variance (red) is what a count found that the records do not explain.</source>
        <translation>Cierre = apertura + recibido + transferido de entrada − entregado − transferido de salida − desechado ± ajustado ± diferencia de recuento. Una diferencia de recuento (en rojo) es lo que un recuento encontró y los registros no explican.</translation>
    </message>
    <message>
        <source>Working out the reconciliation…</source>
        <translation>Calculando la conciliación…</translation>
    </message>
    <message>
        <source> · {unexplained} with a count variance</source>
        <translation> · {unexplained} con diferencia de recuento</translation>
    </message>
    <message>
        <source>{x} is a balance: the Stock screen&apos;s stock card shows how it built up.</source>
        <translation>{x} es un saldo: la ficha de existencias de la pantalla Existencias muestra cómo se formó.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{x}&lt;/b&gt; · {line_name} at {line_location}: {n} movement{x2}, together {x3:,}</source>
        <translation>&lt;b&gt;{x}&lt;/b&gt; · {line_name} en {line_location}: {n} movimiento{x2}, en total {x3:,}</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Informes</translation>
    </message>
    <message>
        <source>Program report</source>
        <translation>Informe del programa</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Conciliación</translation>
    </message>
    <message>
        <source>Check the figure</source>
        <translation>Compruebe la cifra</translation>
    </message>
    <message>
        <source>{what}: {x} in one go. Is that right?</source>
        <translation>{what}: {x} de una vez. ¿Es correcto?</translation>
    </message>
    <message>
        <source>{what}: {x} units in one go. Is that right?</source>
        <translation>{what}: {x} unidades de una vez. ¿Es correcto?</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>Artículo nuevo</translation>
    </message>
    <message>
        <source>Active (offered on entry screens)</source>
        <translation>Activo (se ofrece al registrar)</translation>
    </message>
    <message>
        <source>Lot-tracked</source>
        <translation>Con control de lote</translation>
    </message>
    <message>
        <source>program-wide reorder point (optional)</source>
        <translation>punto de pedido para todo el programa (opcional)</translation>
    </message>
    <message>
        <source>e.g. 200</source>
        <translation>p. ej., 200</translation>
    </message>
    <message>
        <source>e.g. 7</source>
        <translation>p. ej., 7</translation>
    </message>
    <message>
        <source>Handout limit: how many (advice only)</source>
        <translation>Límite de entrega: cuántos (solo aviso)</translation>
    </message>
    <message>
        <source>Handout limit: in how many days</source>
        <translation>Límite de entrega: en cuántos días</translation>
    </message>
    <message>
        <source>a pack size&apos;s name, e.g. case (blank: single units)</source>
        <translation>el nombre de un tamaño de paquete, p. ej., caja (en blanco: unidades sueltas)</translation>
    </message>
    <message>
        <source>naloxone only: doses in one unit, e.g. 2 for a 2-dose kit</source>
        <translation>solo naloxona: dosis por unidad, p. ej., 2 para un kit de 2 dosis</translation>
    </message>
    <message>
        <source>per</source>
        <translation>cada</translation>
    </message>
    <message>
        <source>{where}: must be a whole number of at least {least}, not {value!r}</source>
        <translation>{where}: debe ser un número entero de al menos {least}, no {value!r}</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Base unit</source>
        <translation>Unidad base</translation>
    </message>
    <message>
        <source>{label}: required</source>
        <translation>{label}: obligatorio</translation>
    </message>
    <message>
        <source>{label}: at most {limit} characters</source>
        <translation>{label}: como máximo {limit} caracteres</translation>
    </message>
    <message>
        <source>SKU: {exc}</source>
        <translation>SKU: {exc}</translation>
    </message>
    <message>
        <source>SKU: {sku} is already used by another item</source>
        <translation>SKU: {sku} ya lo usa otro artículo</translation>
    </message>
    <message>
        <source>Reorder point</source>
        <translation>Punto de pedido</translation>
    </message>
    <message>
        <source>Handout limit</source>
        <translation>Límite de entrega</translation>
    </message>
    <message>
        <source>Limit days</source>
        <translation>Días del límite</translation>
    </message>
    <message>
        <source>Handout limit: give both a quantity and a number of days, or neither</source>
        <translation>Límite de entrega: indique una cantidad y un número de días, o ninguno de los dos</translation>
    </message>
    <message>
        <source>Default source: there is no source {default_source!r}</source>
        <translation>Origen predeterminado: no hay ningún origen {default_source!r}</translation>
    </message>
    <message>
        <source>Lot-tracked: this item already has movements, so lot tracking cannot change</source>
        <translation>Con control de lote: este artículo ya tiene movimientos, así que el control de lote no puede cambiar</translation>
    </message>
    <message>
        <source>Pack sizes, row {n}: name required</source>
        <translation>Tamaños de paquete, fila {n}: falta el nombre</translation>
    </message>
    <message>
        <source>Pack sizes, row {n}: {name} appears twice</source>
        <translation>Tamaños de paquete, fila {n}: {name} aparece dos veces</translation>
    </message>
    <message>
        <source>Pack sizes, row {n}, units</source>
        <translation>Tamaños de paquete, fila {n}, unidades</translation>
    </message>
    <message>
        <source>Order pack: there is no pack size {order_pack!r} in this item&apos;s pack sizes</source>
        <translation>Paquete de pedido: no hay ningún tamaño de paquete {order_pack!r} entre los de este artículo</translation>
    </message>
    <message>
        <source>Barcodes, row {n}: code required</source>
        <translation>Códigos de barras, fila {n}: falta el código</translation>
    </message>
    <message>
        <source>Barcodes, row {n}: {code} appears twice</source>
        <translation>Códigos de barras, fila {n}: {code} aparece dos veces</translation>
    </message>
    <message>
        <source>Barcodes, row {n}: {code} already belongs to {owner}</source>
        <translation>Códigos de barras, fila {n}: {code} ya pertenece a {owner}</translation>
    </message>
    <message>
        <source>Barcodes, row {n}: there is no pack size {pack!r} in this item&apos;s pack sizes</source>
        <translation>Códigos de barras, fila {n}: no hay ningún tamaño de paquete {pack!r} entre los de este artículo</translation>
    </message>
    <message>
        <source>Par levels, row {n}: there is no location {location!r}</source>
        <translation>Niveles par, fila {n}: no hay ninguna ubicación {location!r}</translation>
    </message>
    <message>
        <source>Par levels, row {n}: {location} appears twice</source>
        <translation>Niveles par, fila {n}: {location} aparece dos veces</translation>
    </message>
    <message>
        <source>Par levels, row {n}, par</source>
        <translation>Niveles par, fila {n}, nivel par</translation>
    </message>
    <message>
        <source>Par levels, row {n}, minimum</source>
        <translation>Niveles par, fila {n}, mínimo</translation>
    </message>
    <message>
        <source>Par levels, row {n}: minimum {minimum} is above par {par}</source>
        <translation>Niveles par, fila {n}: el mínimo {minimum} supera el nivel par {par}</translation>
    </message>
    <message>
        <source>Kit components: a kit is not lot-tracked itself (its components can be)</source>
        <translation>Componentes del kit: un kit no lleva control de lote (sus componentes sí pueden)</translation>
    </message>
    <message>
        <source>Kit components, row {n}: a kit cannot contain itself</source>
        <translation>Componentes del kit, fila {n}: un kit no puede contenerse a sí mismo</translation>
    </message>
    <message>
        <source>Kit components, row {n}: there is no item {sku!r}</source>
        <translation>Componentes del kit, fila {n}: no hay ningún artículo {sku!r}</translation>
    </message>
    <message>
        <source>Kit components, row {n}: {sku} is itself a kit; list its components instead</source>
        <translation>Componentes del kit, fila {n}: {sku} ya es un kit; indique sus componentes</translation>
    </message>
    <message>
        <source>Kit components, row {n}: {sku} appears twice</source>
        <translation>Componentes del kit, fila {n}: {sku} aparece dos veces</translation>
    </message>
    <message>
        <source>Kit components, row {n}, quantity</source>
        <translation>Componentes del kit, fila {n}, cantidad</translation>
    </message>
    <message>
        <source>Kit components: this item is a component of another kit, so it cannot be a kit itself</source>
        <translation>Componentes del kit: este artículo es componente de otro kit, así que no puede ser un kit</translation>
    </message>
    <message>
        <source>{field}: {value} is already used</source>
        <translation>{field}: {value} ya está en uso</translation>
    </message>
    <message>
        <source>{label}: at most {length} characters</source>
        <translation>{label}: como máximo {length} caracteres</translation>
    </message>
    <message>
        <source>Code: {exc}</source>
        <translation>Código: {exc}</translation>
    </message>
    <message>
        <source>Kind: must be one of {kinds}</source>
        <translation>Tipo: debe ser uno de {kinds}</translation>
    </message>
    <message>
        <source>Default source</source>
        <translation>Origen predeterminado</translation>
    </message>
    <message>
        <source>Ordered in</source>
        <translation>Se pide en</translation>
    </message>
    <message>
        <source>Naloxone doses</source>
        <translation>Dosis de naloxona</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>Advice only: never blocks a handout.</source>
        <translation>Solo orientativo: nunca impide una entrega.</translation>
    </message>
    <message>
        <source>Pack sizes</source>
        <translation>Tamaños de paquete</translation>
    </message>
    <message>
        <source>Units in it</source>
        <translation>Unidades que contiene</translation>
    </message>
    <message>
        <source>Barcodes</source>
        <translation>Códigos de barras</translation>
    </message>
    <message>
        <source>Pack (blank: one unit)</source>
        <translation>Paquete (en blanco: una unidad)</translation>
    </message>
    <message>
        <source>Par levels</source>
        <translation>Niveles par</translation>
    </message>
    <message>
        <source>Kit components (makes this item a kit)</source>
        <translation>Componentes (si es un kit)</translation>
    </message>
    <message>
        <source>Save item  (Ctrl+S)</source>
        <translation>Guardar artículo  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saved {form_name}.</source>
        <translation>Guardado: {form_name}.</translation>
    </message>
    <message>
        <source>Active (offered when receiving)</source>
        <translation>Activo (se ofrece al recibir)</translation>
    </message>
    <message>
        <source> (inactive)</source>
        <translation> (inactivo)</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Artículos</translation>
    </message>
    <message>
        <source>Locations</source>
        <translation>Ubicaciones</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Orígenes</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Recepción</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <source>Safety and backups</source>
        <translation>Seguridad y copias</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Without the passphrase nobody can read these records — not the program, not hrsupply&apos;s makers. Print the recovery sheet next and keep it in the office safe.</source>
        <translation>Sin la frase de contraseña nadie puede leer estos registros: ni el programa ni los creadores de hrsupply. Imprima a continuación la hoja de recuperación y guárdela en la caja fuerte de la oficina.</translation>
    </message>
    <message>
        <source>Keep the passphrase on this computer (its keyring): no need to type it at each start</source>
        <translation>Guardar la frase de contraseña en esta computadora (su llavero): no hace falta escribirla en cada inicio</translation>
    </message>
    <message>
        <source>This computer has no keyring: the passphrase is asked at each start</source>
        <translation>Esta computadora no tiene llavero: la frase de contraseña se pide en cada inicio</translation>
    </message>
    <message>
        <source>hrsupply — passphrase</source>
        <translation>hrsupply — frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>&lt;h3&gt;{name} is encrypted&lt;/h3&gt;Type its passphrase to open it.</source>
        <translation>&lt;h3&gt;{name} está cifrada&lt;/h3&gt;Escriba su frase de contraseña para abrirla.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Frase de contraseña</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>hrsupply — {title}</source>
        <translation>hrsupply — {title}</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>La misma otra vez</translation>
    </message>
    <message>
        <source>The &amp;same again</source>
        <translation>La &amp;misma otra vez</translation>
    </message>
    <message>
        <source>Continue without encryption</source>
        <translation>Continuar sin cifrar</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same one twice.</source>
        <translation>Las dos frases de contraseña no coinciden: escriba la misma dos veces.</translation>
    </message>
    <message>
        <source>Recovery sheet: print it and keep it in the office safe</source>
        <translation>Hoja de recuperación: imprímala y guárdela en la caja fuerte de la oficina</translation>
    </message>
    <message>
        <source>set up</source>
        <translation>configurar</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Welcome&lt;/h3&gt;This database has no users yet. You will be its admin: you add the front desk, van crew and supply lead afterwards, in Settings → Users.</source>
        <translation>&lt;h3&gt;Bienvenida&lt;/h3&gt;Esta base de datos aún no tiene usuarios. Usted será su administrador: después añadirá a recepción, al equipo de la unidad móvil y al responsable de suministros en Ajustes → Usuarios.</translation>
    </message>
    <message>
        <source>Create admin</source>
        <translation>Crear administrador</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <source>An admin&apos;s PIN has at least {digits} digits, or a password at least {characters} characters.</source>
        <translation>El PIN de un administrador tiene al menos {digits} dígitos, o una contraseña al menos {characters} caracteres.</translation>
    </message>
    <message>
        <source>Join a program&apos;s database from a setup file…</source>
        <translation>Unirse a la base de datos de un programa con un archivo de preparación…</translation>
    </message>
    <message>
        <source>(a van laptop: the admin at the site writes that file in Settings → Safety and backups)</source>
        <translation>(una laptop de unidad móvil: el administrador del sitio escribe ese archivo en Ajustes → Seguridad y copias)</translation>
    </message>
    <message>
        <source>Join from a setup file</source>
        <translation>Unirse con un archivo de preparación</translation>
    </message>
    <message>
        <source>The program&apos;s passphrase (the setup file is sealed with it):</source>
        <translation>La frase de contraseña del programa (el archivo de configuración está sellado con ella):</translation>
    </message>
    <message>
        <source>Setup file</source>
        <translation>Archivo de configuración</translation>
    </message>
    <message>
        <source>The two PINs differ; type them again.</source>
        <translation>Los dos PIN no coinciden; escríbalos de nuevo.</translation>
    </message>
    <message>
        <source>sign in</source>
        <translation>iniciar sesión</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Sign in&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Iniciar sesión&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Iniciar sesión como otra persona</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Locked&lt;/h2&gt; Signed in as &lt;b&gt;{account_username}&lt;/b&gt; ({account_role_label}). Type your PIN to carry on where you left off.</source>
        <translation>&lt;h2&gt;Bloqueado&lt;/h2&gt; Sesión de &lt;b&gt;{account_username}&lt;/b&gt; ({account_role_label}). Escriba su PIN para seguir donde lo dejó.</translation>
    </message>
    <message>
        <source>Too many wrong PINs for {account_username}: try again after {exc_until:%H:%M}, ask an admin to unlock, or sign in as someone else.</source>
        <translation>Demasiados PIN incorrectos para {account_username}: vuelva a intentarlo después de las {exc_until:%H:%M}, pida a un administrador que lo desbloquee o inicie sesión como otra persona.</translation>
    </message>
    <message>
        <source>That is not {account_username}&apos;s PIN. Try again, or sign in as someone else.</source>
        <translation>Ese no es el PIN de {account_username}. Inténtelo de nuevo o inicie sesión como otra persona.</translation>
    </message>
    <message>
        <source>On hand</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Caducado</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Mínimo</translation>
    </message>
    <message>
        <source>Next expiry</source>
        <translation>Próxima caducidad</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Saldo</translation>
    </message>
    <message>
        <source>From / to</source>
        <translation>Desde / hacia</translation>
    </message>
    <message>
        <source> (reversal)</source>
        <translation> (reversión)</translation>
    </message>
    <message>
        <source>Search name, SKU or scan a barcode  (Ctrl+F)</source>
        <translation>Buscar por nombre o SKU, o escanear un código de barras  (Ctrl+F)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Agotado</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Select a row to see its stock card.</source>
        <translation>Seleccione una fila para ver su ficha de existencias.</translation>
    </message>
    <message>
        <source>Stock card</source>
        <translation>Ficha de existencias</translation>
    </message>
    <message>
        <source>Reverse selected line…</source>
        <translation>Revertir la línea seleccionada…</translation>
    </message>
    <message>
        <source>Correct a mistaken movement: its opposite is recorded, with your reason</source>
        <translation>Corregir un movimiento equivocado: se registra su opuesto, con su motivo</translation>
    </message>
    <message>
        <source>Stock on hand</source>
        <translation>Existencias disponibles</translation>
    </message>
    <message>
        <source>{n:,} expiring</source>
        <translation>{n:,} por caducar</translation>
    </message>
    <message>
        <source>{n:,} expired</source>
        <translation>{n:,} caducados</translation>
    </message>
    <message>
        <source> ({n:,} expired)</source>
        <translation> ({n:,} caducados)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>bien</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>Caduca en {days} días</translation>
    </message>
    <message>
        <source>{n} item-location rows · {flagged} need attention</source>
        <translation>{n} filas de artículo y ubicación · {flagged} requieren atención</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stock card&lt;/b&gt;: {row_name} ({row_sku}) at {row_location} — {row_quantity:,} {row_unit} on hand</source>
        <translation>&lt;b&gt;Ficha de existencias&lt;/b&gt;: {row_name} ({row_sku}) en {row_location} — {row_quantity:,} {row_unit} disponibles</translation>
    </message>
    <message>
        <source>Reverse a movement</source>
        <translation>Revertir un movimiento</translation>
    </message>
    <message>
        <source>Reverse the {type} of {change:+,} on {at:%Y-%m-%d %H:%M}?</source>
        <translation>¿Revertir el movimiento «{type}» de {change:+,} del {at:%Y-%m-%d %H:%M}?</translation>
    </message>
    <message>
        <source>The original stays on the card; its opposite is added. Why?</source>
        <translation>El original queda en la ficha; se añade su opuesto. ¿Por qué?</translation>
    </message>
    <message>
        <source>Select a line on the stock card first.</source>
        <translation>Primero seleccione una línea de la ficha de existencias.</translation>
    </message>
    <message>
        <source>Reversed: {line_type} of {line_change:+,} ({reason}).</source>
        <translation>Revertido: {line_type} de {line_change:+,} ({reason}).</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Días restantes</translation>
    </message>
    <message>
        <source>expired</source>
        <comment>stock</comment>
        <translation>caducado</translation>
    </message>
    <message>
        <source>Dispose of the selected expired lot</source>
        <translation>Desechar el lote caducado seleccionado</translation>
    </message>
    <message>
        <source>Expired, or expiring within</source>
        <translation>Caducados, o que caducan dentro de</translation>
    </message>
    <message>
        <source>Select an expired lot first.</source>
        <translation>Primero seleccione un lote caducado.</translation>
    </message>
    <message>
        <source>Disposed of {units:,} of {row_name}, lot {row_lot}, at {row_location} (expired).</source>
        <translation>Se desecharon {units:,} de {row_name}, lote {row_lot}, en {row_location} (caducado).</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Encontrado</translation>
    </message>
    <message>
        <source>Participant code</source>
        <translation>Código de participante</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>No item chosen.</source>
        <translation>No se eligió ningún artículo.</translation>
    </message>
    <message>
        <source>Adjust</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Dispose</source>
        <translation>Desechar</translation>
    </message>
    <message>
        <source>What happened (required for “other”)</source>
        <translation>Qué pasó (obligatorio para «otro»)</translation>
    </message>
    <message>
        <source>Note for the record (required to reverse)</source>
        <translation>Nota para el registro (obligatoria para revertir)</translation>
    </message>
    <message>
        <source>Keep (stock was there)</source>
        <translation>Conservar (las existencias estaban)</translation>
    </message>
    <message>
        <source>Reverse the adjustment</source>
        <translation>Revertir el ajuste</translation>
    </message>
    <message>
        <source>&lt;b&gt;Adjust or dispose&lt;/b&gt; — a negative adjustment takes stock away</source>
        <translation>&lt;b&gt;Ajustar o desechar&lt;/b&gt; — un ajuste negativo retira existencias</translation>
    </message>
    <message>
        <source>&lt;b&gt;Flagged for review&lt;/b&gt; — handouts recorded when the records showed too little stock; the front desk added the difference as “found”</source>
        <translation>&lt;b&gt;Marcado para revisión&lt;/b&gt; — entregas registradas cuando los registros mostraban muy pocas existencias; recepción añadió la diferencia como «encontrado»</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reviewed in the last 7 days&lt;/b&gt; — kept, reversed, or reversed with an undone visit</source>
        <translation>&lt;b&gt;Revisado en los últimos 7 días&lt;/b&gt; — conservado, revertido, o revertido con una visita deshecha</translation>
    </message>
    <message>
        <source>No single item matches “{t}”.</source>
        <translation>Ningún artículo coincide solo con «{t}».</translation>
    </message>
    <message>
        <source>{match_item_name} ({match_item_sku}), in {match_item_unit}</source>
        <translation>{match_item_name} ({match_item_sku}), en {match_item_unit}</translation>
    </message>
    <message>
        <source>earliest expiry first</source>
        <translation>primero la caducidad más próxima</translation>
    </message>
    <message>
        <source>{lot_lot} (expires {lot_expiry:%Y-%m-%d}, {lot_quantity:,} here)</source>
        <translation>{lot_lot} (caduca {lot_expiry:%Y-%m-%d}, {lot_quantity:,} aquí)</translation>
    </message>
    <message>
        <source>Choose an item first.</source>
        <translation>Primero elija un artículo.</translation>
    </message>
    <message>
        <source>Adjust {item}</source>
        <translation>Ajustar {item}</translation>
    </message>
    <message>
        <source>Dispose of {item}</source>
        <translation>Desechar {item}</translation>
    </message>
    <message>
        <source>Adding to a lot-tracked item: choose the lot it goes into (receive a new lot instead).</source>
        <translation>Para sumar a un artículo con lotes, elija el lote al que va (o reciba un lote nuevo).</translation>
    </message>
    <message>
        <source>Adjusted {item} by {n}</source>
        <translation>Ajustado {item} en {n}</translation>
    </message>
    <message>
        <source>Quantity: how many to dispose of, above 0.</source>
        <translation>Cantidad: cuántos desechar, más de 0.</translation>
    </message>
    <message>
        <source>Disposed of {n} {item}</source>
        <translation>Desechados {n} de {item}</translation>
    </message>
    <message>
        <source>Select a flagged adjustment first.</source>
        <translation>Primero seleccione un ajuste marcado.</translation>
    </message>
    <message>
        <source>Reviewed: {row_name} at {row_location} {x}.</source>
        <translation>Revisado: {row_name} en {row_location} {x}.</translation>
    </message>
    <message>
        <source>Assemble</source>
        <translation>Armar</translation>
    </message>
    <message>
        <source>Break down</source>
        <translation>Desarmar</translation>
    </message>
    <message>
        <source>Kit</source>
        <translation>Kit</translation>
    </message>
    <message>
        <source>Kits made or broken down at</source>
        <translation>Kits armados o desarmados en</translation>
    </message>
    <message>
        <source>How many kits</source>
        <translation>Cuántos kits</translation>
    </message>
    <message>
        <source>Made of</source>
        <translation>Hecho de</translation>
    </message>
    <message>
        <source>No kits yet: give an item its components in Settings → Items.</source>
        <translation>Aún no hay kits: dé a un artículo sus componentes en Ajustes → Artículos.</translation>
    </message>
    <message>
        <source>There is no kit to choose yet.</source>
        <translation>Todavía no hay ningún kit para elegir.</translation>
    </message>
    <message>
        <source>Print labels…</source>
        <translation>Imprimir etiquetas…</translation>
    </message>
    <message>
        <source>Copies of each label</source>
        <translation>Copias de cada etiqueta</translation>
    </message>
    <message>
        <source>Labels already used on the sheet</source>
        <translation>Etiquetas ya usadas en la hoja</translation>
    </message>
    <message>
        <source>Tick the labels to print (Avery 5160 / 8160, US Letter, 30 per sheet).</source>
        <translation>Marque las etiquetas a imprimir (Avery 5160 / 8160, carta EE. UU., 30 por hoja).</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Marcar todas</translation>
    </message>
    <message>
        <source>Tick none</source>
        <translation>Desmarcar todas</translation>
    </message>
    <message>
        <source>Tick at least one label.</source>
        <translation>Marque al menos una etiqueta.</translation>
    </message>
    <message>
        <source>{pages} sheet{x} of labels ready to print.</source>
        <translation>{pages} hoja{x} de etiquetas lista{x} para imprimir.</translation>
    </message>
    <message>
        <source>Writing the labels…</source>
        <translation>Escribiendo las etiquetas…</translation>
    </message>
    <message>
        <source>Tally sheet</source>
        <translation>Hoja de conteo</translation>
    </message>
    <message>
        <source>Print a blank sheet…</source>
        <translation>Imprimir una hoja en blanco…</translation>
    </message>
    <message>
        <source>Save tallies  (Ctrl+Enter)</source>
        <translation>Guardar conteos  (Ctrl+Intro)</translation>
    </message>
    <message>
        <source>Shift date</source>
        <translation>Fecha del turno</translation>
    </message>
    <message>
        <source>Visits, returns, naloxone, referrals</source>
        <translation>Visitas, devoluciones, naloxona, derivaciones</translation>
    </message>
    <message>
        <source>The tally sheet hands out</source>
        <translation>La hoja de conteo entrega</translation>
    </message>
    <message>
        <source>Date: ____________________</source>
        <translation>Fecha: ____________________</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tally sheet&lt;/b&gt; — {where}</source>
        <translation>&lt;b&gt;Hoja de conteo&lt;/b&gt; — {where}</translation>
    </message>
    <message>
        <source>{when} &amp;nbsp;&amp;nbsp;&amp;nbsp; Staff: ______________________________</source>
        <translation>{when} &amp;nbsp;&amp;nbsp;&amp;nbsp; Personal: ______________________________</translation>
    </message>
    <message>
        <source>Item handed out</source>
        <translation>Artículo entregado</translation>
    </message>
    <message>
        <source>Also count</source>
        <translation>Contar también</translation>
    </message>
    <message>
        <source>Tally</source>
        <translation>Conteo</translation>
    </message>
    <message>
        <source>a tally sheet needs at least 1 visit</source>
        <translation>una hoja de conteo necesita al menos 1 visita</translation>
    </message>
    <message>
        <source>each tallied item&apos;s quantity</source>
        <translation>la cantidad de cada artículo contado</translation>
    </message>
    <message>
        <source>{refills} naloxone refills were tallied but only {visits}</source>
        <translation>se contaron {refills} recargas de naloxona pero solo {visits}</translation>
    </message>
    <message>
        <source>unknown naloxone refill reason {x!r}</source>
        <translation>motivo de recarga de naloxona desconocido {x!r}</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visitas</translation>
    </message>
    <message>
        <source>Used syringes returned</source>
        <translation>Jeringas usadas devueltas</translation>
    </message>
    <message>
        <source>Overdose reversals reported</source>
        <translation>Reversiones de sobredosis informadas</translation>
    </message>
    <message>
        <source>{where} · tally sheet · enter in hrsupply: Front desk → Tally sheet</source>
        <translation>{where} · hoja de conteo · registrar en hrsupply: Recepción → Hoja de conteo</translation>
    </message>
    <message>
        <source>Page {doc__page}</source>
        <translation>Página {doc__page}</translation>
    </message>
    <message>
        <source>Naloxone refill: {reason}</source>
        <translation>Recarga de naloxona: {reason}</translation>
    </message>
    <message>
        <source>Referral: {name}</source>
        <translation>Derivación: {name}</translation>
    </message>
    <message>
        <source>Saved {n} visits from the tally sheet.</source>
        <translation>Se guardaron {n} visitas de la hoja de conteo.</translation>
    </message>
    <message>
        <source>Tally sheet saved to {target}.</source>
        <translation>Hoja de conteo guardada en {target}.</translation>
    </message>
    <message>
        <source>Writing the tally sheet…</source>
        <translation>Escribiendo la hoja de conteo…</translation>
    </message>
    <message>
        <source>On van</source>
        <translation>En la unidad móvil</translation>
    </message>
    <message>
        <source>At site</source>
        <translation>En el local</translation>
    </message>
    <message>
        <source>Take</source>
        <translation>Llevar</translation>
    </message>
    <message>
        <source>Short</source>
        <translation>Faltante</translation>
    </message>
    <message>
        <source>Return to site</source>
        <translation>Devolver al local</translation>
    </message>
    <message>
        <source>Why it differs</source>
        <translation>Por qué difiere</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation>Cargado</translation>
    </message>
    <message>
        <source>Adjusted</source>
        <translation>Ajustado</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Final</translation>
    </message>
    <message>
        <source>Crew names (printed on the sheet)</source>
        <translation>Nombres del equipo (se imprimen en la hoja)</translation>
    </message>
    <message>
        <source>Loaded from</source>
        <translation>Cargado desde</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronizar</translation>
    </message>
    <message>
        <source>On a van laptop the load-out is recorded at the site; it arrives with the next sync.</source>
        <translation>En una laptop de unidad móvil la carga se registra en el sitio; llega con la próxima sincronización.</translation>
    </message>
    <message>
        <source>Print load-out sheet…</source>
        <translation>Imprimir hoja de carga…</translation>
    </message>
    <message>
        <source>Confirm loaded</source>
        <translation>Confirmar carga</translation>
    </message>
    <message>
        <source>To load = par − on the van, capped by what the site has; lots earliest expiry first. Change “Take” to take more, less, or another lot.</source>
        <translation>A cargar = par − lo que hay en la unidad móvil, limitado por lo que tiene el local; lotes por caducidad más próxima primero. Cambie «Llevar» para llevar más, menos u otro lote.</translation>
    </message>
    <message>
        <source>Blind count (hide what the records expect)</source>
        <translation>Recuento a ciegas (ocultar lo que esperan los registros)</translation>
    </message>
    <message>
        <source>Save close-out</source>
        <translation>Guardar cierre</translation>
    </message>
    <message>
        <source>A line left blank is not counted and keeps its stock.</source>
        <translation>Una línea en blanco no se cuenta y conserva sus existencias.</translation>
    </message>
    <message>
        <source>The close-out moves</source>
        <translation>El cierre mueve</translation>
    </message>
    <message>
        <source>Print reconciliation…</source>
        <translation>Imprimir conciliación…</translation>
    </message>
    <message>
        <source>Reprint the selected load-out / reconcile the selected close-out</source>
        <translation>Reimprimir la carga seleccionada / conciliar el cierre seleccionado</translation>
    </message>
    <message>
        <source>Load-out</source>
        <translation>Carga</translation>
    </message>
    <message>
        <source>Close-out</source>
        <translation>Cierre</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Van</source>
        <translation>Unidad móvil</translation>
    </message>
    <message>
        <source>Add a van and a site in Settings first.</source>
        <translation>Primero añada una unidad móvil y un local en Ajustes.</translation>
    </message>
    <message>
        <source>{x} with a par · to load: </source>
        <translation>{x} con nivel par · a cargar: </translation>
    </message>
    <message>
        <source>item</source>
        <translation>artículo</translation>
    </message>
    <message>
        <source>items</source>
        <translation>artículos</translation>
    </message>
    <message>
        <source> · {short} short at the site</source>
        <translation> · {short} con faltante en el local</translation>
    </message>
    <message>
        <source>Pick list</source>
        <translation>Lista de preparación</translation>
    </message>
    <message>
        <source>Preparing the {x}…</source>
        <translation>Preparando la {x}…</translation>
    </message>
    <message>
        <source>Nothing to load: every line is 0.</source>
        <translation>Nada que cargar: todas las líneas están en 0.</translation>
    </message>
    <message>
        <source>Move {lines} ({moving}) from {source} to {van_name}?</source>
        <translation>¿Mover {lines} ({moving}) de {source} a {van_name}?</translation>
    </message>
    <message>
        <source>Loaded: load-out {made} moved to {van_name}.</source>
        <translation>Cargado: la carga {made} pasó a {van_name}.</translation>
    </message>
    <message>
        <source>Type the counted quantity of at least one line.</source>
        <translation>Escriba la cantidad contada de al menos una línea.</translation>
    </message>
    <message>
        <source>Close-out saved: see the Reconciliation tab for the shift.</source>
        <translation>Cierre guardado: vea la pestaña Conciliación del turno.</translation>
    </message>
    <message>
        <source>Load-out sheet (reprint)</source>
        <translation>Hoja de carga (reimpresión)</translation>
    </message>
    <message>
        <source>Item: type or scan, then Enter</source>
        <translation>Artículo: escriba o escanee y pulse Intro</translation>
    </message>
    <message>
        <source>“{text}” matches {n} items:</source>
        <translation>«{text}» coincide con {n} artículos:</translation>
    </message>
    <message>
        <source>Which item?</source>
        <translation>¿Qué artículo?</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Mayús</translation>
    </message>
    <message>
        <source>List of choices</source>
        <translation>Lista de opciones</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>Save the changes to this entry first?</source>
        <translation>¿Guardar primero los cambios de esta entrada?</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Add a row to {x}</source>
        <translation>Agregar una fila a {x}</translation>
    </message>
    <message>
        <source>Remove the selected row of {x}</source>
        <translation>Quitar la fila seleccionada de {x}</translation>
    </message>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{report_title}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{report_title}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>barcode {code!r} is too long to fit on a 2⅝-inch label</source>
        <translation>el código de barras {code!r} es demasiado largo para una etiqueta de 2⅝ pulgadas</translation>
    </message>
    <message>
        <source>choose at least one item to print labels for</source>
        <translation>elija al menos un artículo para imprimir etiquetas</translation>
    </message>
    <message>
        <source>copies: 1 to 300 of each label</source>
        <translation>copias: de 1 a 300 de cada etiqueta</translation>
    </message>
    <message>
        <source>labels already used on the first sheet: 0 to {x}</source>
        <translation>etiquetas ya usadas en la primera hoja: de 0 a {x}</translation>
    </message>
    <message>
        <source>Shelf labels</source>
        <translation>Etiquetas de estante</translation>
    </message>
    <message>
        <source>Page {_pageNumber} of {total}</source>
        <translation>Página {_pageNumber} de {total}</translation>
    </message>
    <message>
        <source>“&lt;5”: fewer than five people, not shown.</source>
        <translation>“&lt;5”: menos de cinco personas, no se muestra.</translation>
    </message>
    <message>
        <source>“*”: not shown, so that no “&lt;5” can be worked out from the figures beside it.</source>
        <translation>“*”: no se muestra, para que ningún “&lt;5” pueda deducirse de las cifras de al lado.</translation>
    </message>
    <message>
        <source>{program} · {period}</source>
        <translation>{program} · {period}</translation>
    </message>
    <message>
        <source>&lt;5: from 1 to 4 people. *: hidden so that a &lt;5 cannot be worked back.</source>
        <translation>&lt;5: de 1 a 4 personas. *: oculto para que no se pueda deducir un &lt;5.</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cifra</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Writing {section}…</source>
        <translation>Escribiendo {section}…</translation>
    </message>
    <message>
        <source>Saving the file…</source>
        <translation>Guardando el archivo…</translation>
    </message>
    <message>
        <source>by month</source>
        <translation>por mes</translation>
    </message>
    <message>
        <source>by week</source>
        <translation>por semana</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mes</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>{section} (continued)</source>
        <translation>{section} (continuación)</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>Componiendo las páginas…</translation>
    </message>
    <message>
        <source>Supply</source>
        <translation>Suministros</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <source>supply lead</source>
        <translation>responsable de suministros</translation>
    </message>
    <message>
        <source>front desk</source>
        <translation>recepción</translation>
    </message>
    <message>
        <source>van crew</source>
        <translation>equipo de la unidad móvil</translation>
    </message>
    <message>
        <source>record visits</source>
        <translation>registrar visitas</translation>
    </message>
    <message>
        <source>load out or close out a van</source>
        <translation>cargar o cerrar una unidad móvil</translation>
    </message>
    <message>
        <source>receive, adjust, count or order stock</source>
        <translation>recibir, ajustar, contar o pedir existencias</translation>
    </message>
    <message>
        <source>change items, par levels, locations or sources</source>
        <translation>cambiar artículos, niveles par, ubicaciones u orígenes</translation>
    </message>
    <message>
        <source>record an entry dated before today</source>
        <translation>registrar algo con fecha anterior a hoy</translation>
    </message>
    <message>
        <source>see and export the program report</source>
        <translation>ver y exportar el informe del programa</translation>
    </message>
    <message>
        <source>manage users and settings, or export participant-level data</source>
        <translation>gestionar usuarios y ajustes, ni exportar datos por participante</translation>
    </message>
    <message>
        <source>first kit</source>
        <translation>primer kit</translation>
    </message>
    <message>
        <source>used on an overdose</source>
        <translation>usada en una sobredosis</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdida</translation>
    </message>
    <message>
        <source>taken by police</source>
        <translation>la retuvo la policía</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducada</translation>
    </message>
    <message>
        <source>gave it away</source>
        <translation>la regaló</translation>
    </message>
    <message>
        <source>Mother&apos;s first name</source>
        <translation>Nombre de pila de la madre</translation>
    </message>
    <message>
        <source>Own first name</source>
        <translation>Nombre de pila propio</translation>
    </message>
    <message>
        <source>Year of birth</source>
        <translation>Año de nacimiento</translation>
    </message>
    <message>
        <source>1 quart</source>
        <translation>1 cuarto de galón</translation>
    </message>
    <message>
        <source>2 quart</source>
        <translation>2 cuartos de galón</translation>
    </message>
    <message>
        <source>1 gallon</source>
        <translation>1 galón</translation>
    </message>
    <message>
        <source>HCV test</source>
        <translation>Prueba de hepatitis C</translation>
    </message>
    <message>
        <source>HIV test</source>
        <translation>Prueba de VIH</translation>
    </message>
    <message>
        <source>Primary care</source>
        <translation>Atención primaria</translation>
    </message>
    <message>
        <source>Medication for opioid use disorder</source>
        <translation>Medicamentos para el trastorno por consumo de opioides</translation>
    </message>
    <message>
        <source>Wound care</source>
        <translation>Cuidado de heridas</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Vivienda</translation>
    </message>
    <message>
        <source>Syringe services program</source>
        <translation>Programa de servicios de jeringas</translation>
    </message>
    <message>
        <source>unknown setting {key!r} (known: {x})</source>
        <translation>ajuste desconocido {key!r} (conocidos: {x})</translation>
    </message>
    <message>
        <source>{key} must look like {x}</source>
        <translation>{key} debe tener la forma {x}</translation>
    </message>
    <message>
        <source>the lock date cannot be after today: nobody but an admin could record today&apos;s work</source>
        <translation>la fecha de cierre no puede ser posterior a hoy: nadie salvo un administrador podría registrar el trabajo de hoy</translation>
    </message>
    <message>
        <source>a participant code</source>
        <translation>un código de participante</translation>
    </message>
    <message>
        <source>a participant code has at most {CODE_LENGTH} characters ({code} has {n})</source>
        <translation>un código de participante tiene como máximo {CODE_LENGTH} caracteres ({code} tiene {n})</translation>
    </message>
    <message>
        <source>the code needs {n} answers</source>
        <translation>el código necesita {n} respuestas</translation>
    </message>
    <message>
        <source>{part_question}: needs {part_length} letters or digits</source>
        <translation>{part_question}: necesita {part_length} letras o dígitos</translation>
    </message>
    <message>
        <source>Receive</source>
        <translation>Recibir</translation>
    </message>
    <message>
        <source>Adjust and review</source>
        <translation>Ajustar y revisar</translation>
    </message>
    <message>
        <source>Kits</source>
        <translation>Kits</translation>
    </message>
    <message>
        <source>The key does not open {name}: check it (a passphrase is exact, letter case too).</source>
        <translation>La clave no abre {name}: revísela (una frase de contraseña es exacta, también en mayúsculas y minúsculas).</translation>
    </message>
    <message>
        <source>{name} is encrypted: give its key (HRSUPPLY_DB_KEY).</source>
        <translation>{name} está cifrada: indique su clave (HRSUPPLY_DB_KEY).</translation>
    </message>
    <message>
        <source>This database was created by a newer version of hrsupply (schema {x}). Install the newer version to open it; nothing was changed.</source>
        <translation>Esta base de datos la creó una versión más nueva de hrsupply (esquema {x}). Instale la versión más nueva para abrirla; no se cambió nada.</translation>
    </message>
    <message>
        <source>Another workstation is still saving a large change, so this was not saved. Nothing was lost: try again in a minute.</source>
        <translation>Otra estación de trabajo todavía está guardando un cambio grande, así que esto no se guardó. No se perdió nada: inténtelo de nuevo en un minuto.</translation>
    </message>
    <message>
        <source>This database is read-only ({x}): it can be read, and nothing can be saved.</source>
        <translation>Esta base de datos es de solo lectura ({x}): se puede consultar, y no se puede guardar nada.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space and try again.</source>
        <translation>El disco está lleno: no se guardó nada. Libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>{name} is encrypted: give its key (HRSUPPLY_DB_KEY for the command line; the window asks for it).</source>
        <translation>{name} está cifrada: indique su clave (HRSUPPLY_DB_KEY en la línea de comandos; la ventana la pide).</translation>
    </message>
    <message>
        <source>{path} is a file, not a folder</source>
        <translation>{path} es un archivo, no una carpeta</translation>
    </message>
    <message>
        <source>cannot make the folder {path} ({x})</source>
        <translation>no se puede crear la carpeta {path} ({x})</translation>
    </message>
    <message>
        <source>cannot write in the folder {path}</source>
        <translation>no se puede escribir en la carpeta {path}</translation>
    </message>
    <message>
        <source>{path} is a folder: give the name of a file to write</source>
        <translation>{path} es una carpeta: indique el nombre de un archivo para escribir</translation>
    </message>
    <message>
        <source>the folder {path_parent} does not exist</source>
        <translation>la carpeta {path_parent} no existe</translation>
    </message>
    <message>
        <source>{path} is not a file</source>
        <translation>{path} no es un archivo</translation>
    </message>
    <message>
        <source>cannot write {path} (permission denied)</source>
        <translation>no se puede escribir {path} (permiso denegado)</translation>
    </message>
    <message>
        <source>cannot write {path} ({x})</source>
        <translation>no se puede escribir {path} ({x})</translation>
    </message>
    <message>
        <source>The disk is full: {path} was not written (nothing half-written is left).</source>
        <translation>El disco está lleno: no se escribió {path} (no queda nada a medio escribir).</translation>
    </message>
    <message>
        <source>an admin</source>
        <translation>un administrador</translation>
    </message>
    <message>
        <source>a supply lead</source>
        <translation>un responsable de suministros</translation>
    </message>
    <message>
        <source>a front desk worker</source>
        <translation>alguien de recepción</translation>
    </message>
    <message>
        <source>a van crew member</source>
        <translation>alguien del equipo de la unidad móvil</translation>
    </message>
    <message>
        <source>{username} is locked out after too many wrong PINs until {until:%H:%M}; an admin can unlock them</source>
        <translation>{username} está bloqueado por demasiados PIN incorrectos hasta las {until:%H:%M}; un administrador puede desbloquearlo</translation>
    </message>
    <message>
        <source>{username!r} is not an active user of this database</source>
        <translation>{username!r} no es un usuario activo de esta base de datos</translation>
    </message>
    <message>
        <source> or </source>
        <translation> o </translation>
    </message>
    <message>
        <source>{username} ({x}) may not {what}; ask {who}</source>
        <translation>{username} ({x}) no puede {what}; pídaselo a {who}</translation>
    </message>
    <message>
        <source>{username} ({x}) records today&apos;s entries only, not {day:%Y-%m-%d}; ask a supply lead or admin to enter it</source>
        <translation>{username} ({x}) solo registra lo de hoy, no {day:%Y-%m-%d}; pida a un responsable de suministros o a un administrador que lo registre</translation>
    </message>
    <message>
        <source>the records are locked before {lock:%Y-%m-%d}: only an admin may record or correct anything dated {day:%Y-%m-%d}</source>
        <translation>los registros están cerrados antes del {lock:%Y-%m-%d}: solo un administrador puede registrar o corregir algo con fecha {day:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>{what} reason must be one of: {x}</source>
        <translation>el motivo de {what} debe ser uno de: {x}</translation>
    </message>
    <message>
        <source>say what happened when the reason is “other”</source>
        <translation>diga qué pasó cuando el motivo es «otro»</translation>
    </message>
    <message>
        <source>the note is too long (at most {x} characters)</source>
        <translation>la nota es demasiado larga (como máximo {x} caracteres)</translation>
    </message>
    <message>
        <source>An adjustment</source>
        <translation>Un ajuste</translation>
    </message>
    <message>
        <source>quantity: a whole number other than 0 (negative takes stock away)</source>
        <translation>cantidad: un número entero distinto de 0 (en negativo retira existencias)</translation>
    </message>
    <message>
        <source>{item_sku} is not lot-tracked, so it takes no lot</source>
        <translation>{item_sku} no lleva control de lote, así que no lleva lote</translation>
    </message>
    <message>
        <source>A disposal</source>
        <translation>Un desecho</translation>
    </message>
    <message>
        <source>say why the adjustment is reversed</source>
        <translation>diga por qué se revierte el ajuste</translation>
    </message>
    <message>
        <source>movement {movement_id} is not waiting for review</source>
        <translation>el movimiento {movement_id} no está pendiente de revisión</translation>
    </message>
    <message>
        <source>someone has already reviewed this</source>
        <translation>alguien ya lo revisó</translation>
    </message>
    <message>
        <source>the period ends ({end}) before it starts ({start})</source>
        <translation>el periodo termina ({end}) antes de empezar ({start})</translation>
    </message>
    <message>
        <source>The disk is full: no backup was made (nothing half-written is left).</source>
        <translation>El disco está lleno: no se hizo la copia (no queda nada a medio escribir).</translation>
    </message>
    <message>
        <source>there is no database file {source}</source>
        <translation>no existe el archivo de base de datos {source}</translation>
    </message>
    <message>
        <source>{path} is not an hrsupply database, or an encrypted one whose key is not at hand</source>
        <translation>{path} no es una base de datos de hrsupply, o es una cifrada cuya clave no está disponible</translation>
    </message>
    <message>
        <source>{path} is not an hrsupply database, or one the key at hand does not open</source>
        <translation>{path} no es una base de datos de hrsupply, o es una que la clave disponible no abre</translation>
    </message>
    <message>
        <source>{path} is not an hrsupply database ({exc})</source>
        <translation>{path} no es una base de datos de hrsupply ({exc})</translation>
    </message>
    <message>
        <source>{path} is damaged or not an hrsupply database ({ok})</source>
        <translation>{path} está dañado o no es una base de datos de hrsupply ({ok})</translation>
    </message>
    <message>
        <source>{path_name} was made by a newer version of hrsupply (schema {x}): install that version to restore it; nothing was changed</source>
        <translation>{path_name} lo hizo una versión más nueva de hrsupply (esquema {x}): instale esa versión para restaurarlo; no se cambió nada</translation>
    </message>
    <message>
        <source>{name} is not a whole hrsupply backup: it has no {x} table</source>
        <translation>{name} no es una copia completa de hrsupply: no tiene la tabla {x}</translation>
    </message>
    <message>
        <source>{name} has no active admin, so nobody could manage it once restored</source>
        <translation>{name} no tiene ningún administrador activo, así que nadie podría gestionarla una vez restaurada</translation>
    </message>
    <message>
        <source>{name} does not verify: </source>
        <translation>{name} no pasa la verificación: </translation>
    </message>
    <message>
        <source>{user} with that PIN is not an admin of {name}: sign in as an admin of the backup</source>
        <translation>{user} con ese PIN no es administrador de {name}: inicie sesión como administrador de la copia</translation>
    </message>
    <message>
        <source>{user} is not an admin of {name}: sign in as the backup&apos;s admin</source>
        <translation>{user} no es administrador de {name}: inicie sesión como el administrador de la copia</translation>
    </message>
    <message>
        <source>{name} holds what no hrsupply database holds ({x}): it is not restored</source>
        <translation>{name} contiene lo que ninguna base de datos de hrsupply contiene ({x}): no se restaura</translation>
    </message>
    <message>
        <source>{user} is not an admin of the database being replaced: an admin of both it and the backup restores it</source>
        <translation>{user} no es administrador de la base de datos que se reemplaza: la restaura un administrador de ambas, ella y la copia</translation>
    </message>
    <message>
        <source>there is no backup file {source}</source>
        <translation>no existe el archivo de copia {source}</translation>
    </message>
    <message>
        <source>{source_name} is not a SQLite backup (a .sqlite file)</source>
        <translation>{source_name} no es una copia de SQLite (un archivo .sqlite)</translation>
    </message>
    <message>
        <source>{source_name} is not a PostgreSQL backup (a .dump file from pg_dump)</source>
        <translation>{source_name} no es una copia de PostgreSQL (un archivo .dump de pg_dump)</translation>
    </message>
    <message>
        <source>{name} is sealed with the program&apos;s passphrase: give it (HRSUPPLY_DB_KEY)</source>
        <translation>{name} está sellado con la frase de contraseña del programa: indíquela (HRSUPPLY_DB_KEY)</translation>
    </message>
    <message>
        <source>cannot check {source_name} before restoring it: a scratch database is needed ({reason})</source>
        <translation>no se puede comprobar {source_name} antes de restaurarlo: hace falta una base de datos provisional ({reason})</translation>
    </message>
    <message>
        <source>{tool} is not installed or not on the PATH; install the PostgreSQL client tools</source>
        <translation>{tool} no está instalado o no está en el PATH; instale las herramientas cliente de PostgreSQL</translation>
    </message>
    <message>
        <source>{tool} failed: {message}</source>
        <translation>{tool} falló: {message}</translation>
    </message>
    <message>
        <source>{what} must be a whole number from {least} to {MOST_UNITS:,}, not {value!r}</source>
        <translation>{what} debe ser un número entero de {least} a {MOST_UNITS:,}, no {value!r}</translation>
    </message>
    <message>
        <source>{what} must be a whole number from 0 to {MOST_PEOPLE:,}, not {value!r}</source>
        <translation>{what} debe ser un número entero de 0 a {MOST_PEOPLE:,}, no {value!r}</translation>
    </message>
    <message>
        <source>expiry {expiry:%Y-%m-%d} is not between {a:%Y} and {b:%Y}: check the year</source>
        <translation>la caducidad {expiry:%Y-%m-%d} no está entre {a:%Y} y {b:%Y}: revise el año</translation>
    </message>
    <message>
        <source>expiry {expiry:%Y-%m-%d} is before the day it was received ({received:%Y-%m-%d})</source>
        <translation>la caducidad {expiry:%Y-%m-%d} es anterior al día en que se recibió ({received:%Y-%m-%d})</translation>
    </message>
    <message>
        <source>{day:%Y-%m-%d} is in the future: nothing can be recorded after today</source>
        <translation>{day:%Y-%m-%d} es una fecha futura: no se puede registrar nada posterior a hoy</translation>
    </message>
    <message>
        <source>{day:%Y-%m-%d} is before {EARLIEST:%Y}: check the year</source>
        <translation>{day:%Y-%m-%d} es anterior a {EARLIEST:%Y}: revise el año</translation>
    </message>
    <message>
        <source>{what} has only letters A–Z, digits and hyphens, not {shown}(U+{x:04X})</source>
        <translation>{what} solo lleva letras A–Z, dígitos y guiones, no {shown}(U+{x:04X})</translation>
    </message>
    <message>
        <source>site</source>
        <translation>local</translation>
    </message>
    <message>
        <source>van</source>
        <translation>unidad móvil</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>nasal</source>
        <translation>nasal</translation>
    </message>
    <message>
        <source>injectable</source>
        <translation>inyectable</translation>
    </message>
    <message>
        <source>other form</source>
        <translation>otra forma</translation>
    </message>
    <message>
        <source>a SKU</source>
        <translation>un SKU</translation>
    </message>
    <message>
        <source>barcode {barcode} already belongs to another item</source>
        <translation>el código de barras {barcode} ya pertenece a otro artículo</translation>
    </message>
    <message>
        <source>a location code</source>
        <translation>un código de ubicación</translation>
    </message>
    <message>
        <source>location kind must be one of {x}, not {kind!r}</source>
        <translation>el tipo de ubicación debe ser uno de {x}, no {kind!r}</translation>
    </message>
    <message>
        <source>lot {lot_number} is not known yet: give its expiry</source>
        <translation>el lote {lot_number} aún no se conoce: indique su caducidad</translation>
    </message>
    <message>
        <source>lot {lot_number} already has expiry {x}, not {x2}</source>
        <translation>el lote {lot_number} ya tiene caducidad {x}, no {x2}</translation>
    </message>
    <message>
        <source>no participant with the code {codes} is known here: a card is printed for a code saved at a visit</source>
        <translation>aquí no se conoce a ningún participante con el código {codes}: se imprime tarjeta para un código guardado en una visita</translation>
    </message>
    <message>
        <source>there is no location {code!r}</source>
        <translation>no existe la ubicación {code!r}</translation>
    </message>
    <message>
        <source>add a location first (Settings → Locations)</source>
        <translation>primero agregue una ubicación (Ajustes → Ubicaciones)</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>must be a whole number, not {value!r}</source>
        <translation>debe ser un número entero, no {value!r}</translation>
    </message>
    <message>
        <source>{number:,} is too large</source>
        <translation>{number:,} es demasiado grande</translation>
    </message>
    <message>
        <source>must be yes or no, not {value!r}</source>
        <translation>debe ser yes o no, no {value!r}</translation>
    </message>
    <message>
        <source>must be a date (YYYY-MM-DD, YYYY-MM-DD HH:MM or a date cell), not {value!r}</source>
        <translation>debe ser una fecha (AAAA-MM-DD, AAAA-MM-DD HH:MM o una celda de fecha), no {value!r}</translation>
    </message>
    <message>
        <source>file not found</source>
        <translation>no se encontró el archivo</translation>
    </message>
    <message>
        <source>not an .xlsx workbook ({x})</source>
        <translation>no es un libro .xlsx ({x})</translation>
    </message>
    <message>
        <source>not a readable .xlsx workbook ({x})</source>
        <translation>no es un libro .xlsx legible ({x})</translation>
    </message>
    <message>
        <source>the workbook is too large: its sheets hold more than {x} MB of data</source>
        <translation>el libro es demasiado grande: sus hojas contienen más de {x} MB de datos</translation>
    </message>
    <message>
        <source>the workbook is too large: a sheet reaches cell {cell} ({rows:,} rows × {cols:,} columns)</source>
        <translation>el libro es demasiado grande: una hoja llega a la celda {cell} ({rows:,} filas × {cols:,} columnas)</translation>
    </message>
    <message>
        <source>the workbook is too large: more than {x:,} rows</source>
        <translation>el libro es demasiado grande: más de {x:,} filas</translation>
    </message>
    <message>
        <source>unknown column</source>
        <translation>columna desconocida</translation>
    </message>
    <message>
        <source>column appears twice</source>
        <translation>la columna aparece dos veces</translation>
    </message>
    <message>
        <source>required column is missing</source>
        <translation>falta una columna obligatoria</translation>
    </message>
    <message>
        <source>holds a control character (U+{x:04X}), which no name or code may hold</source>
        <translation>contiene un carácter de control (U+{x:04X}), que ningún nombre ni código puede contener</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>{code} already belongs to {x}</source>
        <translation>{code} ya pertenece a {x}</translation>
    </message>
    <message>
        <source>{sku} already has movements, so lot tracking cannot change</source>
        <translation>{sku} ya tiene movimientos, así que el control de lote no puede cambiar</translation>
    </message>
    <message>
        <source>{n:,} visit{x} already in the records (rows {rows}); leave them out (--skip-duplicates) to add only the new ones</source>
        <translation>{n:,} visita{x} ya en los registros (filas {rows}); omítalas (--skip-duplicates) para añadir solo las nuevas</translation>
    </message>
    <message>
        <source>doses in one unit: 1 to 100</source>
        <translation>dosis por unidad: de 1 a 100</translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation>no puede ser negativo</translation>
    </message>
    <message>
        <source>{sku} already appears in row {x}</source>
        <translation>{sku} ya aparece en la fila {x}</translation>
    </message>
    <message>
        <source>must be site, van or other, not {x!r}</source>
        <translation>debe ser site, van u other, no {x!r}</translation>
    </message>
    <message>
        <source>{code} already appears in row {x}</source>
        <translation>{code} ya aparece en la fila {x}</translation>
    </message>
    <message>
        <source>unknown location {loc}</source>
        <translation>ubicación desconocida {loc}</translation>
    </message>
    <message>
        <source>unknown sku {sku}</source>
        <translation>sku desconocido {sku}</translation>
    </message>
    <message>
        <source>min ({minimum}) is above par ({par})</source>
        <translation>el mínimo ({minimum}) es mayor que el par ({par})</translation>
    </message>
    <message>
        <source>{sku} at {loc} already appears in row {x}</source>
        <translation>{sku} en {loc} ya aparece en la fila {x}</translation>
    </message>
    <message>
        <source>must be one of {x}, not {y!r}</source>
        <translation>debe ser uno de {x}, no {y!r}</translation>
    </message>
    <message>
        <source>{name} already appears in row {x}</source>
        <translation>{name} ya aparece en la fila {x}</translation>
    </message>
    <message>
        <source>a pack holds at least 2 units</source>
        <translation>un paquete contiene al menos 2 unidades</translation>
    </message>
    <message>
        <source>{sku} already has a pack called {name}</source>
        <translation>{sku} ya tiene un paquete llamado {name}</translation>
    </message>
    <message>
        <source>{sku} has no pack called {pack}</source>
        <translation>{sku} no tiene un paquete llamado {pack}</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>debe ser al menos 1</translation>
    </message>
    <message>
        <source>a kit cannot contain itself</source>
        <translation>un kit no puede contenerse a sí mismo</translation>
    </message>
    <message>
        <source>{part} appears twice in {kit}</source>
        <translation>{part} aparece dos veces en {kit}</translation>
    </message>
    <message>
        <source>{part} is itself a kit; list its components instead</source>
        <translation>{part} es un kit; indique sus componentes</translation>
    </message>
    <message>
        <source>must be a visit id as an export writes it, not {x!r}</source>
        <translation>debe ser un id de visita como lo escribe una exportación, no {x!r}</translation>
    </message>
    <message>
        <source>a referral is longer than {x} characters</source>
        <translation>una derivación tiene más de {x} caracteres</translation>
    </message>
    <message>
        <source>no visit {x} on the Visits sheet</source>
        <translation>no hay visita {x} en la hoja Visits</translation>
    </message>
    <message>
        <source>a handout</source>
        <translation>una entrega</translation>
    </message>
    <message>
        <source>only a receive has a source</source>
        <translation>solo una recepción tiene origen</translation>
    </message>
    <message>
        <source>unknown source {x}</source>
        <translation>origen desconocido {x}</translation>
    </message>
    <message>
        <source>must be a movement id as an export writes it, not {movement_id!r}</source>
        <translation>debe ser un id de movimiento como lo escribe una exportación, no {movement_id!r}</translation>
    </message>
    <message>
        <source>already appears in row {x}</source>
        <translation>ya aparece en la fila {x}</translation>
    </message>
    <message>
        <source>must be one of {x}, not {x2!r}</source>
        <translation>debe ser uno de {x}, no {x2!r}</translation>
    </message>
    <message>
        <source>unknown location {code}</source>
        <translation>ubicación desconocida {code}</translation>
    </message>
    <message>
        <source>an adjust (not 0)</source>
        <translation>un ajuste (distinto de 0)</translation>
    </message>
    <message>
        <source>a {kind}</source>
        <translation>«{kind}»</translation>
    </message>
    <message>
        <source>a transfer needs to_location</source>
        <translation>una transferencia necesita to_location</translation>
    </message>
    <message>
        <source>must differ from location</source>
        <translation>debe ser distinta de location</translation>
    </message>
    <message>
        <source>only a transfer has to_location, not a {kind}</source>
        <translation>solo una transferencia lleva to_location, no un {kind}</translation>
    </message>
    <message>
        <source>a {kind} needs a reason</source>
        <translation>un {kind} necesita un motivo</translation>
    </message>
    <message>
        <source>only a handout names a participant</source>
        <translation>solo una entrega indica un participante</translation>
    </message>
    <message>
        <source>{sku} is not lot-tracked, so it takes no lot or expiry</source>
        <translation>{sku} no lleva control de lote, así que no lleva lote ni caducidad</translation>
    </message>
    <message>
        <source>a second {x} sheet</source>
        <translation>una segunda hoja {x}</translation>
    </message>
    <message>
        <source>unknown sheet (expected {x})</source>
        <translation>hoja desconocida (se esperaba {x})</translation>
    </message>
    <message>
        <source>receiving lot-tracked {sku} needs lot</source>
        <translation>recibir {sku}, que lleva control de lote, necesita lot</translation>
    </message>
    <message>
        <source>receiving lot-tracked {sku} needs expiry</source>
        <translation>recibir {sku}, que lleva control de lote, necesita expiry</translation>
    </message>
    <message>
        <source>a {x} of lot-tracked {sku} needs lot</source>
        <translation>un {x} de {sku}, que lleva control de lote, necesita lot</translation>
    </message>
    <message>
        <source>expiry is given without a lot</source>
        <translation>se indica la caducidad sin un lote</translation>
    </message>
    <message>
        <source>lot {m_lot} of {m_sku} is not known yet: give its expiry</source>
        <translation>el lote {m_lot} de {m_sku} aún no se conoce: indique su caducidad</translation>
    </message>
    <message>
        <source>lot {m_lot} of {m_sku} has expiry {x}, not {m_expiry}</source>
        <translation>el lote {m_lot} de {m_sku} tiene caducidad {x}, no {m_expiry}</translation>
    </message>
    <message>
        <source>these movements were already imported (from {earlier_filename} on {earlier_imported_at:%Y-%m-%d %H:%M}); nothing was imported</source>
        <translation>estos movimientos ya se importaron (de {earlier_filename} el {earlier_imported_at:%Y-%m-%d %H:%M}); no se importó nada</translation>
    </message>
    <message>
        <source>{n:,} row{x} already in the records (rows {rows}); leave them out (--skip-duplicates) to add only the new rows</source>
        <translation>{n:,} fila{x} ya en los registros (filas {rows}); omítalas (--skip-duplicates) para añadir solo las nuevas</translation>
    </message>
    <message>
        <source>there is no lot {lot_id}</source>
        <translation>no existe el lote {lot_id}</translation>
    </message>
    <message>
        <source>lot {lot_lot_number} expires {lot_expiry:%Y-%m-%d}; it has not expired yet</source>
        <translation>el lote {lot_lot_number} caduca el {lot_expiry:%Y-%m-%d}; todavía no ha caducado</translation>
    </message>
    <message>
        <source>there is nothing left of lot {lot_lot_number} here</source>
        <translation>no queda nada del lote {lot_lot_number} aquí</translation>
    </message>
    <message>
        <source>supplier</source>
        <translation>proveedor</translation>
    </message>
    <message>
        <source>donation</source>
        <translation>donación</translation>
    </message>
    <message>
        <source>state allocation</source>
        <translation>asignación estatal</translation>
    </message>
    <message>
        <source>clearinghouse</source>
        <translation>centro de distribución</translation>
    </message>
    <message>
        <source>there is no item {item_id}</source>
        <translation>no existe el artículo {item_id}</translation>
    </message>
    <message>
        <source>how many kits</source>
        <translation>cuántos kits</translation>
    </message>
    <message>
        <source>{x} is not a kit: give it components in Settings first</source>
        <translation>{x} no es un kit: dele componentes primero en Ajustes</translation>
    </message>
    <message>
        <source>not enough to assemble {count} × {kit_name}: </source>
        <translation>no hay suficiente para armar {count} × {kit_name}: </translation>
    </message>
    <message>
        <source>cannot break down {count} × {kit_name}: {have} at this location</source>
        <translation>no se pueden desarmar {count} × {kit_name}: hay {have} en esta ubicación</translation>
    </message>
    <message>
        <source>{p_name} is lot-tracked and no kit here was assembled from a known lot: receive it by lot instead</source>
        <translation>{p_name} lleva control de lote y ningún kit de aquí se armó con un lote conocido: recíbalo por lote</translation>
    </message>
    <message>
        <source>receive</source>
        <translation>recepción</translation>
    </message>
    <message>
        <source>handout</source>
        <translation>entrega</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>transferencia</translation>
    </message>
    <message>
        <source>adjust</source>
        <translation>ajuste</translation>
    </message>
    <message>
        <source>dispose</source>
        <translation>desecho</translation>
    </message>
    <message>
        <source>count</source>
        <translation>recuento</translation>
    </message>
    <message>
        <source>no item with id {item_id}</source>
        <translation>no hay ningún artículo con id {item_id}</translation>
    </message>
    <message>
        <source>unknown movement type {t!r}</source>
        <translation>tipo de movimiento desconocido {t!r}</translation>
    </message>
    <message>
        <source>{t} quantity</source>
        <translation>la cantidad de «{t}»</translation>
    </message>
    <message>
        <source>adjust quantity</source>
        <translation>la cantidad del ajuste</translation>
    </message>
    <message>
        <source>adjust quantity (not 0)</source>
        <translation>la cantidad del ajuste (distinta de 0)</translation>
    </message>
    <message>
        <source>a count</source>
        <translation>un recuento</translation>
    </message>
    <message>
        <source>a transfer needs a destination location</source>
        <translation>una transferencia necesita una ubicación de destino</translation>
    </message>
    <message>
        <source>a transfer needs a destination different from its location</source>
        <translation>una transferencia necesita un destino distinto de su ubicación</translation>
    </message>
    <message>
        <source>only a transfer has a destination, not a {t}</source>
        <translation>solo una transferencia tiene destino, no un {t}</translation>
    </message>
    <message>
        <source>{t} needs a reason</source>
        <translation>{t} necesita un motivo</translation>
    </message>
    <message>
        <source>{item_sku} is lot-tracked: this {t} needs its lot</source>
        <translation>{item_sku} lleva control de lote: este {t} necesita su lote</translation>
    </message>
    <message>
        <source>count of {item_sku} on {move_occurred_at:%Y-%m-%d} would leave a later balance below zero ({have} can leave, the count removes {x})</source>
        <translation>el recuento de {item_sku} del {move_occurred_at:%Y-%m-%d} dejaría un saldo posterior por debajo de cero (pueden salir {have}, el recuento retira {x})</translation>
    </message>
    <message>
        <source>a reversal needs a reason</source>
        <translation>una reversión necesita un motivo</translation>
    </message>
    <message>
        <source>movement {movement_id} is itself a reversal; record the movement again instead</source>
        <translation>el movimiento {movement_id} ya es una reversión; registre de nuevo el movimiento</translation>
    </message>
    <message>
        <source>movement {movement_id} has already been reversed</source>
        <translation>el movimiento {movement_id} ya se revirtió</translation>
    </message>
    <message>
        <source>cannot reverse movement {movement_id}: only {have} of {sku} can leave since {at:%Y-%m-%d}</source>
        <translation>no se puede revertir el movimiento {movement_id}: solo pueden salir {have} de {sku} desde el {at:%Y-%m-%d}</translation>
    </message>
    <message>
        <source>{item_sku} is lot-tracked: an undone visit&apos;s line needs its lot</source>
        <translation>{item_sku} se controla por lote: la línea de una visita deshecha necesita su lote</translation>
    </message>
    <message>
        <source>handout quantity</source>
        <translation>cantidad entregada</translation>
    </message>
    <message>
        <source>choose two different locations</source>
        <translation>elija dos ubicaciones distintas</translation>
    </message>
    <message>
        <source>there is no location {location_id}</source>
        <translation>no existe la ubicación {location_id}</translation>
    </message>
    <message>
        <source>{place_name} is a site: only a van or a partner location is {done}; count a site&apos;s stock in Counts</source>
        <translation>{place_name} es un local: solo una unidad móvil o una ubicación asociada se {done}; cuente las existencias de un local en Recuentos</translation>
    </message>
    <message>
        <source>nothing to load: every line is 0</source>
        <translation>nada que cargar: todas las líneas están en 0</translation>
    </message>
    <message>
        <source>{line_sku}: the quantity to load</source>
        <translation>{line_sku}: la cantidad a cargar</translation>
    </message>
    <message>
        <source>there is no movement {movement_id}</source>
        <translation>no existe el movimiento {movement_id}</translation>
    </message>
    <message>
        <source>{where}a preset needs a name</source>
        <translation>{where}una combinación necesita un nombre</translation>
    </message>
    <message>
        <source>{where}a preset&apos;s name has at most {Preset_name_type_length} characters</source>
        <translation>{where}el nombre de una combinación tiene como máximo {Preset_name_type_length} caracteres</translation>
    </message>
    <message>
        <source>{where}{name} needs lines with quantities of at least 1</source>
        <translation>{where}{name} necesita líneas con cantidades de al menos 1</translation>
    </message>
    <message>
        <source>{where}{name}: each line&apos;s quantity</source>
        <translation>{where}{name}: la cantidad de cada línea</translation>
    </message>
    <message>
        <source>two presets are called {x}</source>
        <translation>dos combinaciones se llaman {x}</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>enviado</translation>
    </message>
    <message>
        <source>partly received</source>
        <translation>recibido en parte</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recibido</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>cerrado</translation>
    </message>
    <message>
        <source>Source: choose who the order goes to</source>
        <translation>Origen: elija a quién va el pedido</translation>
    </message>
    <message>
        <source>Deliver to: choose a location</source>
        <translation>Entregar en: elija una ubicación</translation>
    </message>
    <message>
        <source>Note: at most {n} characters</source>
        <translation>Nota: como máximo {n} caracteres</translation>
    </message>
    <message>
        <source>Line {n}: no such item</source>
        <translation>Línea {n}: el artículo no existe</translation>
    </message>
    <message>
        <source>Line {n} ({sku})</source>
        <translation>Línea {n} ({sku})</translation>
    </message>
    <message>
        <source>{where}: already on line {n}; change the quantity there</source>
        <translation>{where}: ya está en la línea {n}; cambie la cantidad allí</translation>
    </message>
    <message>
        <source>{where}, pack: {sku} has no pack size {pack!r}</source>
        <translation>{where}, paquete: {sku} no tiene el tamaño de paquete {pack!r}</translation>
    </message>
    <message>
        <source>the number of packs</source>
        <translation>el número de paquetes</translation>
    </message>
    <message>
        <source>{line_packs:,} × {units:,} units</source>
        <translation>{line_packs:,} × {units:,} unidades</translation>
    </message>
    <message>
        <source>{where}, quantity: {problem}</source>
        <translation>{where}, cantidad: {problem}</translation>
    </message>
    <message>
        <source>Source: {x} {x2} no default source; choose a source for items without one</source>
        <translation>Origen: {x} {x2} sin origen predeterminado; elija un origen para los artículos que no lo tienen</translation>
    </message>
    <message>
        <source>Nothing to order: no line has packs to order</source>
        <translation>Nada que pedir: ninguna línea tiene paquetes a pedir</translation>
    </message>
    <message>
        <source>there is no order {x}</source>
        <translation>no existe el pedido {x}</translation>
    </message>
    <message>
        <source>{x} is {order_status}, so it cannot be {action}</source>
        <translation>{x} está {order_status}, así que no se puede {action}</translation>
    </message>
    <message>
        <source>{x} has no lines: add at least one item before sending it</source>
        <translation>{x} no tiene líneas: añada al menos un artículo antes de enviarlo</translation>
    </message>
    <message>
        <source>Order: there is no order {x}</source>
        <translation>Pedido: no existe el pedido {x}</translation>
    </message>
    <message>
        <source>Order: {x} is {order_status}; only a sent order can be received against</source>
        <translation>Pedido: {x} está {order_status}; solo se puede recibir contra un pedido enviado</translation>
    </message>
    <message>
        <source>wrong username or PIN, or the user is switched off (after 5 wrong PINs in a row a user waits 15 minutes, or an admin unlocks them)</source>
        <translation>usuario o PIN incorrecto, o el usuario está desactivado (tras 5 PIN incorrectos seguidos el usuario espera 15 minutos, o lo desbloquea un administrador)</translation>
    </message>
    <message>
        <source>a username is 1 to 64 letters, digits, dots, dashes or underscores</source>
        <translation>un nombre de usuario tiene de 1 a 64 letras, dígitos, puntos, guiones o guiones bajos</translation>
    </message>
    <message>
        <source>role must be one of: {x}</source>
        <translation>el rol debe ser uno de: {x}</translation>
    </message>
    <message>
        <source>this database already has users: an admin adds new ones</source>
        <translation>esta base de datos ya tiene usuarios: un administrador añade los nuevos</translation>
    </message>
    <message>
        <source>the username {username} is already taken</source>
        <translation>el nombre de usuario {username} ya está en uso</translation>
    </message>
    <message>
        <source>no user named {username}</source>
        <translation>no hay ningún usuario llamado {username}</translation>
    </message>
    <message>
        <source>you cannot take away your own admin role or switch yourself off</source>
        <translation>no puede quitarse su propio rol de administrador ni desactivarse</translation>
    </message>
    <message>
        <source>the current PIN or password is wrong</source>
        <translation>el PIN o la contraseña actual no es correcto</translation>
    </message>
    <message>
        <source>the ledger adds up to less than zero for </source>
        <translation>el registro suma menos de cero para </translation>
    </message>
    <message>
        <source>; nothing was repaired: correct those movements first</source>
        <translation>; no se reparó nada: corrija primero esos movimientos</translation>
    </message>
    <message>
        <source>{name}: handing out {wanted}, records show {available}</source>
        <translation>{name}: se entregan {wanted}, los registros muestran {available}</translation>
    </message>
    <message>
        <source>records show less than is being handed out: {x}</source>
        <translation>los registros muestran menos de lo que se entrega: {x}</translation>
    </message>
    <message>
        <source>line {n}: the quantity</source>
        <translation>línea {n}: la cantidad</translation>
    </message>
    <message>
        <source>{item}: suggested {n} per {days} days</source>
        <translation>{item}: se sugieren {n} cada {days} días</translation>
    </message>
    <message>
        <source>; {given} given since {since}, last on {last}</source>
        <translation>; {given} entregados desde el {since}, el último el {last}</translation>
    </message>
    <message>
        <source>unknown naloxone refill reason {form_naloxone_reason!r}</source>
        <translation>motivo de recarga de naloxona desconocido {form_naloxone_reason!r}</translation>
    </message>
    <message>
        <source>{username} may see only today&apos;s visits; ask an admin for other days</source>
        <translation>{username} solo puede ver las visitas de hoy; pida a un administrador las de otros días</translation>
    </message>
    <message>
        <source>Puts back on the shelf: {x}</source>
        <translation>Devuelve al estante: {x}</translation>
    </message>
    <message>
        <source>No handouts to reverse.</source>
        <translation>No hay entregas que revertir.</translation>
    </message>
    <message>
        <source>Takes away the found stock this visit added: {x}.</source>
        <translation>Quita el inventario encontrado que agregó esta visita: {x}.</translation>
    </message>
    <message>
        <source>there is no visit {visit_id}</source>
        <translation>no existe la visita {visit_id}</translation>
    </message>
    <message>
        <source>this visit was already undone at {visit_undone_at:%H:%M} by {visit_undone_by}</source>
        <translation>esta visita ya se deshizo a las {visit_undone_at:%H:%M}, por {visit_undone_by}</translation>
    </message>
    <message>
        <source>only today&apos;s visits can be undone here; older ones are corrected in Stock</source>
        <translation>solo las visitas de hoy se deshacen aquí; las anteriores se corrigen en Existencias</translation>
    </message>
    <message>
        <source>{name}, lot {lot}</source>
        <translation>{name}, lote {lot}</translation>
    </message>
    <message>
        <source>{where}: the count</source>
        <translation>{where}: el recuento</translation>
    </message>
    <message>
        <source>{where}: what goes back</source>
        <translation>{where}: lo que se devuelve</translation>
    </message>
    <message>
        <source>{where}: can return 0 to {have:,}, not {returned:,}</source>
        <translation>{where}: puede devolver de 0 a {have:,}, no {returned:,}</translation>
    </message>
    <message>
        <source>protect the records</source>
        <translation>proteger los registros</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Encrypt this computer&apos;s records?&lt;/h3&gt;Participant codes, visits and backups are kept encrypted on the disk: a lost or stolen laptop gives nobody a code. Choose a passphrase of at least 10 characters (a few words is easiest).</source>
        <translation>&lt;h3&gt;¿Cifrar los registros de esta computadora?&lt;/h3&gt;Los códigos de participantes, las visitas y las copias de seguridad se guardan cifrados en el disco: una laptop perdida o robada no le da a nadie ningún código. Elija una frase de contraseña de al menos 10 caracteres (unas cuantas palabras es lo más fácil).</translation>
    </message>
    <message>
        <source>Encrypt (recommended)</source>
        <translation>Cifrar (recomendado)</translation>
    </message>
    <message>
        <source>This database is read-only: it can be read, and nothing can be saved.</source>
        <translation>Esta base de datos es de solo lectura: se puede consultar, y no se puede guardar nada.</translation>
    </message>
    <message>
        <source>Demo: {users}; PIN {pin}</source>
        <translation>Demostración: {users}; PIN {pin}</translation>
    </message>
    <message>
        <source>This laptop is now the van laptop of {x}: sign in as its crew.</source>
        <translation>Esta laptop es ahora la laptop de unidad móvil de {x}: entre como su equipo.</translation>
    </message>
    <message>
        <source>{name} is not a sync file of this pair, or it was changed after it was written</source>
        <translation>{name} no es un archivo de sincronización de este par, o se cambió después de escribirse</translation>
    </message>
    <message>
        <source>{name} is sealed with the program&apos;s passphrase: give it</source>
        <translation>{name} está sellado con la frase de contraseña del programa: indíquela</translation>
    </message>
    <message>
        <source>{name} is damaged: its records cannot be read</source>
        <translation>{name} está dañado: no se pueden leer sus registros</translation>
    </message>
    <message>
        <source>{name} is too large to be a sync file</source>
        <translation>{name} es demasiado grande para ser un archivo de sincronización</translation>
    </message>
    <message>
        <source>{name}: file not found</source>
        <translation>{name}: archivo no encontrado</translation>
    </message>
    <message>
        <source>{name} cannot be read ({x})</source>
        <translation>no se puede leer {name} ({x})</translation>
    </message>
    <message>
        <source>{name} is not an hrsupply sync file</source>
        <translation>{name} no es un archivo de sincronización de hrsupply</translation>
    </message>
    <message>
        <source>{name} was written by a newer hrsupply: update this computer first</source>
        <translation>{name} lo escribió un hrsupply más nuevo: actualice primero esta computadora</translation>
    </message>
    <message>
        <source>{code} is a site: a van laptop is set up for a van or a partner location</source>
        <translation>{code} es un sitio: una laptop de unidad móvil se prepara para una unidad móvil o un lugar asociado</translation>
    </message>
    <message>
        <source>{name} is not a setup file (a sync file goes to `hrsupply sync import`)</source>
        <translation>{name} no es un archivo de preparación (un archivo de sincronización va a `hrsupply sync import`)</translation>
    </message>
    <message>
        <source>this database already holds records: a laptop joins into a new, empty database</source>
        <translation>esta base de datos ya tiene registros: una laptop se une en una base de datos nueva y vacía</translation>
    </message>
    <message>
        <source>there is no record {x} set aside</source>
        <translation>no hay un registro {x} apartado</translation>
    </message>
    <message>
        <source>the pair that sent this record is gone</source>
        <translation>el par que envió este registro ya no existe</translation>
    </message>
    <message>
        <source>{new:,} new, {already:,} already here, {aside:,} set aside</source>
        <translation>{new:,} nuevos, {already:,} ya estaban, {aside:,} apartados</translation>
    </message>
    <message>
        <source>this database is not paired with that one (set up a van laptop first)</source>
        <translation>esta base de datos no está emparejada con esa (primero prepare una laptop de unidad móvil)</translation>
    </message>
    <message>
        <source>this database has several van laptops: say which one (--location CODE)</source>
        <translation>esta base de datos tiene varias laptops de unidad móvil: diga cuál (--location CÓDIGO)</translation>
    </message>
    <message>
        <source>no van laptop is set up for {code}</source>
        <translation>no hay una laptop de unidad móvil preparada para {code}</translation>
    </message>
    <message>
        <source>this file is for another database, not this one</source>
        <translation>este archivo es para otra base de datos, no para esta</translation>
    </message>
    <message>
        <source>{name} is a setup file: it is joined (`hrsupply sync join`), not imported</source>
        <translation>{name} es un archivo de preparación: se une (`hrsupply sync join`), no se importa</translation>
    </message>
    <message>
        <source>{name} is for another database, not this one</source>
        <translation>{name} es para otra base de datos, no para esta</translation>
    </message>
    <message>
        <source>`sync now` runs on a van laptop, towards its central</source>
        <translation>`sync now` se usa en una laptop de unidad móvil, hacia su central</translation>
    </message>
    <message>
        <source>give the central database&apos;s address: --central URL</source>
        <translation>indique la dirección de la base de datos central: --central URL</translation>
    </message>
    <message>
        <source>the central database could not be reached ({x})</source>
        <translation>no se pudo llegar a la base de datos central ({x})</translation>
    </message>
    <message>
        <source>the central database could not be reached ({x} is not there)</source>
        <translation>no se pudo llegar a la base de datos central ({x} no está)</translation>
    </message>
    <message>
        <source>the central database could not be reached: {x}</source>
        <translation>no se pudo llegar a la base de datos central: {x}</translation>
    </message>
    <message>
        <source>the central database runs another version of hrsupply: update both</source>
        <translation>la base de datos central usa otra versión de hrsupply: actualice ambas</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <source>Send and receive now</source>
        <translation>Enviar y recibir ahora</translation>
    </message>
    <message>
        <source>Write a sync file…</source>
        <translation>Escribir un archivo de sincronización…</translation>
    </message>
    <message>
        <source>Read a sync file…</source>
        <translation>Leer un archivo de sincronización…</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>&lt;b&gt;Set aside&lt;/b&gt; (a record here already with other content, or one whose item or visit is missing)</source>
        <translation>&lt;b&gt;Apartados&lt;/b&gt; (un registro que ya está aquí con otro contenido, o uno cuyo artículo o visita falta)</translation>
    </message>
    <message>
        <source>On the road the laptop keeps working without the network. When the central database can be reached, the window sends and receives by itself; otherwise carry a sync file either way (a USB stick): a file sent twice, or lost, does no harm.</source>
        <translation>En la calle la laptop sigue trabajando sin red. Cuando se puede llegar a la base de datos central, la ventana envía y recibe sola; si no, lleve un archivo de sincronización en cualquier sentido (una memoria USB): un archivo enviado dos veces, o perdido, no hace daño.</translation>
    </message>
    <message>
        <source>The central</source>
        <translation>La central</translation>
    </message>
    <message>
        <source>The laptop of {x}</source>
        <translation>La laptop de {x}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{other}&lt;/b&gt;: last sent {sent}, last received {received}; {waiting} waiting to go</source>
        <translation>&lt;b&gt;{other}&lt;/b&gt;: último envío {sent}, última recepción {received}; {waiting} por enviar</translation>
    </message>
    <message>
        <source>This database syncs with no laptop yet: an admin sets one up in Settings → Safety and backups.</source>
        <translation>Esta base de datos aún no sincroniza con ninguna laptop: un administrador prepara una en Ajustes → Seguridad y copias.</translation>
    </message>
    <message>
        <source>Sent: {sent}. Received: {received}.</source>
        <translation>Enviado: {sent}. Recibido: {received}.</translation>
    </message>
    <message>
        <source>Sending and receiving…</source>
        <translation>Enviando y recibiendo…</translation>
    </message>
    <message>
        <source>Write a sync file</source>
        <translation>Escribir un archivo de sincronización</translation>
    </message>
    <message>
        <source>Sync file (*.sync)</source>
        <translation>Archivo de sincronización (*.sync)</translation>
    </message>
    <message>
        <source>Read a sync file</source>
        <translation>Leer un archivo de sincronización</translation>
    </message>
    <message>
        <source>Wrote {path}: {visits} visit(s), {lines} movement line(s). Read it on the other side.</source>
        <translation>Se escribió {path}: {visits} visita(s), {lines} línea(s) de movimiento. Léalo del otro lado.</translation>
    </message>
    <message>
        <source> Found stock added for review: {x}.</source>
        <translation> Inventario encontrado agregado para revisar: {x}.</translation>
    </message>
    <message>
        <source>Choose a record set aside first.</source>
        <translation>Primero elija un registro apartado.</translation>
    </message>
    <message>
        <source>Dismissed: it stays out of the records.</source>
        <translation>Descartado: queda fuera de los registros.</translation>
    </message>
    <message>
        <source>Applied: it is in the records now.</source>
        <translation>Aplicado: ya está en los registros.</translation>
    </message>
    <message>
        <source>Still set aside: the reason is brought up to date.</source>
        <translation>Sigue apartado: se actualizó el motivo.</translation>
    </message>
    <message>
        <source>items, locations, sources and presets</source>
        <translation>los artículos, las ubicaciones, las fuentes y los preajustes</translation>
    </message>
    <message>
        <source>the program&apos;s settings</source>
        <translation>los ajustes del programa</translation>
    </message>
    <message>
        <source>users</source>
        <translation>los usuarios</translation>
    </message>
    <message>
        <source>deliveries and orders</source>
        <translation>las entregas y los pedidos</translation>
    </message>
    <message>
        <source>on a van laptop {what} come from the central with each sync: change them there</source>
        <translation>en una laptop de unidad móvil {what} vienen de la central con cada sincronización: cámbielos allí</translation>
    </message>
    <message>
        <source>the code {code} is too long for a card&apos;s barcode</source>
        <translation>el código {code} es demasiado largo para el código de barras de una tarjeta</translation>
    </message>
    <message>
        <source>--layout is wallet or sheet, not {x}</source>
        <translation>--layout es wallet o sheet, no {x}</translation>
    </message>
    <message>
        <source>name at least one participant code to print a card for</source>
        <translation>indique al menos un código de participante para imprimir una tarjeta</translation>
    </message>
    <message>
        <source>Client cards</source>
        <translation>Tarjetas de cliente</translation>
    </message>
    <message>
        <source>English and Spanish</source>
        <translation>Inglés y español</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Client card</source>
        <translation>Tarjeta de cliente</translation>
    </message>
    <message>
        <source>blank: the default, as on the sample</source>
        <translation>en blanco: el texto de siempre, como en la muestra</translation>
    </message>
    <message>
        <source>a line police may call to verify a card (optional)</source>
        <translation>un teléfono al que la policía puede llamar para verificar una tarjeta (opcional)</translation>
    </message>
    <message>
        <source>Print a back too (duplex)</source>
        <translation>Imprimir también el reverso (dúplex)</translation>
    </message>
    <message>
        <source>The address, hours and what to do with a card found, on the back</source>
        <translation>La dirección, el horario y qué hacer con una tarjeta encontrada, en el reverso</translation>
    </message>
    <message>
        <source>Sample client card</source>
        <translation>Tarjeta de cliente de muestra</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>Telé&amp;fono</translation>
    </message>
    <message>
        <source>&amp;Verification line</source>
        <translation>Teléfono de &amp;verificación</translation>
    </message>
    <message>
        <source>H&amp;ours</source>
        <translation>&amp;Horario</translation>
    </message>
    <message>
        <source>Statement (English)</source>
        <translation>Texto (inglés)</translation>
    </message>
    <message>
        <source>Statement (Spanish)</source>
        <translation>Texto (español)</translation>
    </message>
    <message>
        <source>If found (English)</source>
        <translation>Si se encuentra (inglés)</translation>
    </message>
    <message>
        <source>If found (Spanish)</source>
        <translation>Si se encuentra (español)</translation>
    </message>
    <message>
        <source>Card lan&amp;guages</source>
        <translation>Idio&amp;mas de la tarjeta</translation>
    </message>
    <message>
        <source>Card {n} printed for {code} (a replacement).</source>
        <translation>Tarjeta {n} impresa para {code} (un reemplazo).</translation>
    </message>
    <message>
        <source>Card printed for {code}.</source>
        <translation>Tarjeta impresa para {code}.</translation>
    </message>
    <message>
        <source>Type or scan the participant&apos;s code first: an anonymous visit has no card.</source>
        <translation>Primero escriba o escanee el código del participante: una visita anónima no tiene tarjeta.</translation>
    </message>
    <message>
        <source>No participant with the code {x} is known here; nothing was changed.</source>
        <translation>Aquí no se conoce a ningún participante con el código {x}; no se cambió nada.</translation>
    </message>
    <message>
        <source>Client card scanned</source>
        <translation>Tarjeta de cliente escaneada</translation>
    </message>
    <message>
        <source>Record this visit for {code}? The lines on it stay.</source>
        <translation>¿Registrar esta visita para {code}? Las líneas se quedan.</translation>
    </message>
    <message>
        <source>a passphrase has at least {n} characters</source>
        <translation>una frase de contraseña tiene al menos {n} caracteres</translation>
    </message>
    <message>
        <source>{name} is not a sealed hrsupply file</source>
        <translation>{name} no es un archivo sellado de hrsupply</translation>
    </message>
    <message>
        <source>{name} cannot be opened: another key, or the file was changed or cut short</source>
        <translation>{name} no se puede abrir: otra clave, o el archivo fue cambiado o está incompleto</translation>
    </message>
    <message>
        <source>a PostgreSQL database is kept on its server: encrypt the server&apos;s disk there (its dumps are encrypted with the program&apos;s key)</source>
        <translation>una base de datos PostgreSQL se guarda en su servidor: cifre allí el disco del servidor (sus volcados se cifran con la clave del programa)</translation>
    </message>
    <message>
        <source>{name} is already encrypted (to change its passphrase: hrsupply change-key)</source>
        <translation>{name} ya está cifrada (para cambiar su frase de contraseña: hrsupply change-key)</translation>
    </message>
    <message>
        <source>{name} is not encrypted: encrypt it first (hrsupply encrypt)</source>
        <translation>{name} no está cifrada: primero cífrela (hrsupply encrypt)</translation>
    </message>
    <message>
        <source>hrsupply recovery sheet</source>
        <translation>Hoja de recuperación de hrsupply</translation>
    </message>
    <message>
        <source>made {day}</source>
        <translation>hecha el {day}</translation>
    </message>
    <message>
        <source>Computer: {name}</source>
        <translation>Computadora: {name}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Base de datos: {path}</translation>
    </message>
    <message>
        <source>The passphrase (exact: letter case, spaces and punctuation count)</source>
        <translation>La frase de contraseña (exacta: cuentan mayúsculas, espacios y puntuación)</translation>
    </message>
    <message>
        <source>{n} characters, {spaces} of them spaces</source>
        <translation>{n} caracteres, {spaces} de ellos espacios</translation>
    </message>
    <message>
        <source>This passphrase opens the encrypted records of participant visits, their backups and the van&apos;s sync files. Without it nobody can read them: not the program, not hrsupply&apos;s makers.</source>
        <translation>Esta frase de contraseña abre los registros cifrados de las visitas de participantes, sus copias de seguridad y los archivos de sincronización de la unidad móvil. Sin ella nadie puede leerlos: ni el programa ni los creadores de hrsupply.</translation>
    </message>
    <message>
        <source>Keep this sheet in the office safe, folded, with nothing else written on it. Never photograph it, email it or keep it beside the computer. If it may have been seen, change the passphrase (Settings → Safety and backups → Change passphrase) and print a new sheet; shred this one.</source>
        <translation>Guarde esta hoja doblada en la caja fuerte de la oficina, sin nada más escrito. Nunca la fotografíe, ni la envíe por correo, ni la deje junto a la computadora. Si alguien pudo verla, cambie la frase de contraseña (Ajustes → Seguridad y copias → Cambiar la frase de contraseña) e imprima una hoja nueva; destruya esta.</translation>
    </message>
    <message>
        <source>To open the records on a new computer: install hrsupply, copy the database file, start the app and type the passphrase when it asks (or set HRSUPPLY_DB_KEY for the command line).</source>
        <translation>Para abrir los registros en otra computadora: instale hrsupply, copie el archivo de la base de datos, inicie la aplicación y escriba la frase de contraseña cuando la pida (o HRSUPPLY_DB_KEY en la línea de comandos).</translation>
    </message>
    <message>
        <source>{x} (date)</source>
        <translation>{x} (fecha)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Row {n}, code: 1 to {length} letters, digits or hyphens</source>
        <translation>Fila {n}, código: de 1 a {length} letras, dígitos o guiones</translation>
    </message>
    <message>
        <source>Row {n}, code: {code} is on another row too</source>
        <translation>Fila {n}, código: {code} está también en otra fila</translation>
    </message>
    <message>
        <source>Row {n}, name: required</source>
        <translation>Fila {n}, nombre: obligatorio</translation>
    </message>
    <message>
        <source>Row {n}, kind: one of {kinds}</source>
        <translation>Fila {n}, tipo: uno de {kinds}</translation>
    </message>
    <message>
        <source>Next: add your locations (Settings → Locations): the fixed site, each van, partner sites.</source>
        <translation>Siguiente: agregue sus ubicaciones (Ajustes → Ubicaciones): el local fijo, cada unidad móvil, los lugares asociados.</translation>
    </message>
    <message>
        <source>Next: add your catalog (Settings → Items), or import a spreadsheet (File → Import spreadsheet…).</source>
        <translation>Siguiente: agregue su catálogo (Ajustes → Artículos), o importe una hoja de cálculo (Archivo → Importar hoja de cálculo…).</translation>
    </message>
    <message>
        <source>Next: finish the opening count (Counts): type what is on the shelf, then Post count.</source>
        <translation>Siguiente: termine el recuento inicial (Recuentos): escriba lo que hay en el estante y luego Registrar recuento.</translation>
    </message>
    <message>
        <source>Next: count your opening stock (Counts → Start count, at each location), or receive a delivery (Supply).</source>
        <translation>Siguiente: cuente su inventario inicial (Recuentos → Empezar recuento, en cada ubicación), o reciba una entrega (Suministros).</translation>
    </message>
    <message>
        <source>Source: choose where this delivery came from</source>
        <translation>Origen: elija de dónde viene esta entrega</translation>
    </message>
    <message>
        <source>Location: choose where the delivery goes</source>
        <translation>Ubicación: elija adónde va la entrega</translation>
    </message>
    <message>
        <source>Lines: add at least one item</source>
        <translation>Líneas: añada al menos un artículo</translation>
    </message>
    <message>
        <source>Source: {order} was ordered from {source}</source>
        <translation>Origen: {order} se pidió a {source}</translation>
    </message>
    <message>
        <source>Reference: at most {n} characters</source>
        <translation>Referencia: como máximo {n} caracteres</translation>
    </message>
    <message>
        <source>no report template {name!r} (there are: {names})</source>
        <translation>no hay ninguna plantilla de informe {name!r} (hay: {names})</translation>
    </message>
    <message>
        <source>{file}: not a TOML file: {problem}</source>
        <translation>{file}: no es un archivo TOML: {problem}</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}, línea {line}: {problem}</translation>
    </message>
    <message>
        <source>name: 1 to 40 small letters, digits, - or _ (it is typed after --template)</source>
        <translation>name: de 1 a 40 minúsculas, dígitos, - o _ (se escribe tras --template)</translation>
    </message>
    <message>
        <source>period: one of {kinds}, not {got!r}</source>
        <translation>period: uno de {kinds}, no {got!r}</translation>
    </message>
    <message>
        <source>year_starts: the month the year starts in, 1 to 12</source>
        <translation>year_starts: el mes en que empieza el año, de 1 a 12</translation>
    </message>
    <message>
        <source>title: required</source>
        <translation>title: obligatorio</translation>
    </message>
    <message>
        <source>fields: at least one [[fields]] table</source>
        <translation>fields: al menos una tabla [[fields]]</translation>
    </message>
    <message>
        <source>fields: each is a [[fields]] table</source>
        <translation>fields: cada uno es una tabla [[fields]]</translation>
    </message>
    <message>
        <source>id: 1 to 40 small letters, digits, - or _</source>
        <translation>id: de 1 a 40 minúsculas, dígitos, - o _</translation>
    </message>
    <message>
        <source>id: {id!r} is a field already (each field once)</source>
        <translation>id: {id!r} ya es un campo (cada campo una vez)</translation>
    </message>
    <message>
        <source>label: required (the funder&apos;s words)</source>
        <translation>label: obligatorio (las palabras del financiador)</translation>
    </message>
    <message>
        <source>measures: a list of the report&apos;s measures, e.g. [&quot;syringes_out&quot;]</source>
        <translation>measures: una lista de medidas del informe, p. ej. [&quot;syringes_out&quot;]</translation>
    </message>
    <message>
        <source>measures: {unknown} is not a measure of the program report</source>
        <translation>measures: {unknown} no es una medida del informe del programa</translation>
    </message>
    <message>
        <source>rule: one of {rules}, not {rule!r}</source>
        <translation>rule: una de {rules}, no {rule!r}</translation>
    </message>
    <message>
        <source>measures: a ratio divides the first measure by the second: two measures</source>
        <translation>measures: una razón divide la primera medida por la segunda: dos medidas</translation>
    </message>
    <message>
        <source>classes: a class needs [[threshold, &quot;label&quot;], …], lowest first</source>
        <translation>classes: una clase necesita [[umbral, &quot;etiqueta&quot;], …], de menor a mayor</translation>
    </message>
    <message>
        <source>the weight&apos;s unit: lb or kg, not {unit!r}</source>
        <translation>la unidad del peso: lb o kg, no {unit!r}</translation>
    </message>
    <message>
        <source>the weight of the returned sharps: above 0, up to 2,000</source>
        <translation>el peso de los objetos punzantes devueltos: más de 0, hasta 2.000</translation>
    </message>
    <message>
        <source>returns by weight: set how many syringes a pound holds first (Settings → Front desk)</source>
        <translation>devoluciones por peso: indique primero cuántas jeringas caben en una libra (Ajustes → Recepción)</translation>
    </message>
    <message>
        <source>Weight of the returned sharps</source>
        <translation>Peso de los objetos punzantes devueltos</translation>
    </message>
    <message>
        <source>or &amp;weighed  (Alt+W)</source>
        <translation>o pesadas  (Alt+&amp;W)</translation>
    </message>
</context>
<context>
    <name>stock</name>
    <message>
        <source>damaged</source>
        <translation>dañado</translation>
    </message>
    <message>
        <source>lost</source>
        <translation>perdido</translation>
    </message>
    <message>
        <source>stolen</source>
        <translation>robado</translation>
    </message>
    <message>
        <source>found</source>
        <translation>encontrado</translation>
    </message>
    <message>
        <source>distributed without record</source>
        <translation>entregado sin registro</translation>
    </message>
    <message>
        <source>other</source>
        <translation>otro</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>caducado</translation>
    </message>
    <message>
        <source>recalled</source>
        <translation>retirado por el fabricante</translation>
    </message>
</context>
</TS>
