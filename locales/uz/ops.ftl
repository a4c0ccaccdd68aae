cmd-backup = Maʼlumotlar bazasining zaxira nusxasi shu yerga (administratorlar)
admin-backup-sent = Nusxa { $name }: tekshirildi, butun. Uni xavfsiz joyda saqlang: unda barcha mijozlarning balanslari va buyurtmalari bor.
admin-backup-failed = Zaxira nusxa olinmadi ({ $error }); tafsilotlar bot jurnalida.
