{
 "format": "hoso-release-signature-1",
 "key": "DA66 07B0 193A 1FD0 F986",
 "signature": "BBEQPdmZ3NGWKG4sciskWnofbhaVNW4aKhXjgpsyzhUqmc4pPRiFEt97XXhRkfnjP3lC+3WVYRK9/LftXPpxCQ=="
}
