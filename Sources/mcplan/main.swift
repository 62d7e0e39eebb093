import MCCommands

PlanCommand.main()
