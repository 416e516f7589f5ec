import { CategoryPlanner } from '../../src/domain/category-plan';
import { CategoryTree } from '../../src/domain/category-tree';

describe('category planning and the tree', () => {
  it('when paths are placed, then categories are made once per path, with free slugs and parents', () => {
    // given a planner that already knows Footwear
    const planner = new CategoryPlanner([{ id: 'footwear', slug: 'footwear', name: 'Footwear', parentId: null, position: 0 }]);

    // when several paths are placed, one repeating its parent's name
    const casual = planner.place(['Footwear', 'Shoes', 'Casual Shoes']);
    planner.place(['Footwear', 'Shoes', 'Casual Shoes']);
    const watches = planner.place(['Accessories', 'Watches', 'Watches']);

    // then ids are the name path, each category is created once, and a taken slug is prefixed
    expect(casual).toEqual(['footwear', 'footwear.shoes', 'footwear.shoes.casual-shoes']);
    expect(watches).toEqual(['accessories', 'accessories.watches', 'accessories.watches.watches']);
    expect(planner.created().map((category) => [category.id, category.slug, category.parentId])).toEqual([
      ['footwear.shoes', 'shoes', 'footwear'],
      ['footwear.shoes.casual-shoes', 'casual-shoes', 'footwear.shoes'],
      ['accessories', 'accessories', null],
      ['accessories.watches', 'watches', 'accessories'],
      ['accessories.watches.watches', 'watches-watches', 'accessories.watches'],
    ]);
  });

  it('when the tree is built, then subtrees, breadcrumbs and children-under lookups agree', () => {
    // given a three-level tree
    const planner = new CategoryPlanner([]);
    planner.place(['Footwear', 'Shoes', 'Casual Shoes']);
    planner.place(['Footwear', 'Sandal', 'Sandals']);
    planner.place(['Apparel', 'Topwear', 'Tshirts']);
    const tree = new CategoryTree(planner.all());

    // when asked about Footwear
    const footwear = tree.find('footwear')!;
    const casual = tree.find('casual-shoes')!;
    const mask = tree.subtreeMask(footwear);
    const under = tree.childUnder(footwear);

    // then its subtree has five nodes, the leaf's path starts at Footwear, and the leaf lies under Shoes
    expect([...mask].filter((flag) => flag === 1)).toHaveLength(5);
    expect(tree.path(casual).map((node) => node.slug)).toEqual(['footwear', 'shoes', 'casual-shoes']);
    expect(tree.node(under[casual.index]!).slug).toBe('shoes');
    expect(under[tree.find('tshirts')!.index]).toBe(-1);
    expect(tree.isLeaf(casual) && !tree.isLeaf(footwear)).toBe(true);
  });
});
