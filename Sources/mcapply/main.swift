import MCCommands

ApplyCommand.main()
