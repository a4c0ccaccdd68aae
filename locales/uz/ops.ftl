cmd-backup = Ma'lumotlar bazasining zaxira nusxasi shu yerga (adminlar)
admin-backup-sent = Nusxa { $name }: tekshirildi, butun. Uni xavfsiz joyda saqlang: unda barcha mijozlarning balanslari va buyurtmalari bor.
admin-backup-failed = Zaxira nusxa olinmadi ({ $error }); tafsilotlar bot jurnalida.
