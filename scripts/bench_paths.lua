-- wrk script: replays the paths of a file (one a line) in order, round robin.
--   wrk ... -s scripts/bench_paths.lua URL -- PATHS_FILE
local paths = {}
local i = 0

init = function(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- Each thread starts at a different place in the list.
  i = math.random(#paths)
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
