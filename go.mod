module github.com/passmeter/passmeter

go 1.26
